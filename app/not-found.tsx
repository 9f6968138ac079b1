import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        The page does not exist, or it belongs to a workspace you are not a member of.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand underline">
        Go to your workspace
      </Link>
    </main>
  );
}
