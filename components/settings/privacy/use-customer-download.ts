"use client";

import { useState } from "react";

/**
 * Downloads a customer's data as a JSON file. The file is fetched first, so a refusal (an
 * unknown customer, a lost session) is shown on the page instead of being saved as the file.
 */
export function useCustomerDownload(slug: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(customerId: string) {
    setPending(true);
    setError(null);
    try {
      const url = `/api/workspaces/${encodeURIComponent(slug)}/privacy/customers/${encodeURIComponent(customerId)}/export`;
      const response = await fetch(url, { cache: "no-store" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? response.statusText);
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const link = document.createElement("a");
      link.href = URL.createObjectURL(await response.blob());
      link.download = name ?? "customer-data.json";
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setPending(false);
    }
  }

  return { pending, error, start };
}
