"use client";

import { describedBy, FieldError, INPUT } from "./field-error";

/** A text input of a condition, with its accessible name, a unit after it and its error below. */
export function LabelledTextInput({
  id,
  label,
  value,
  onChange,
  error,
  placeholder,
  unit,
  numeric = false,
  list,
  width = "w-28",
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  placeholder?: string;
  /** Shown after the input, e.g. "days". */
  unit?: string;
  numeric?: boolean;
  /** A datalist's id, for suggestions. */
  list?: string;
  width?: string;
}) {
  return (
    <div>
      <div className="flex items-center gap-1.5">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          type="text"
          inputMode={numeric ? "decimal" : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          placeholder={placeholder}
          list={list}
          onChange={(event) => onChange(event.target.value)}
          className={`${INPUT} ${width}`}
          {...describedBy(id, error)}
        />
        {unit ? <span className="text-sm text-slate-600">{unit}</span> : null}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
