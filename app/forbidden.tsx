import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Your role does not give access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Ask an admin of the workspace if you need it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand underline">
        Back to the overview
      </Link>
    </main>
  );
}
