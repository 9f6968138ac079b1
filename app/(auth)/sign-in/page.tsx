import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const [t, common] = await Promise.all([getTranslations("signIn"), getTranslations("common")]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand">{common("appName")}</p>
          <p className="mt-2 text-sm text-slate-600">{common("tagline")}</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{t("title")}</h1>
          <SignInForm callbackUrl={callbackUrl ?? "/"} />
        </div>
      </div>
    </main>
  );
}
