/** The problem with one input, under it; the input points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 max-w-56 text-xs text-red-700">
      {message}
    </p>
  );
}

export const INPUT =
  "rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600";
export const SELECT = "rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

/** Props that tie an input to its error message. */
export function describedBy(id: string, message: string | null) {
  return message ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}
