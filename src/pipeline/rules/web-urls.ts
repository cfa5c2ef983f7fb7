// Validator rule: plain-http addresses. The web-address schema (webUrl, src/core/schema.ts) refuses
// what is unsafe; http:// is readable but neither private nor tamper-proof, so it is accepted with a
// warning naming the file, the line and the https spelling. Every webUrl field of a schema is found
// by walking the schema, so a new URL field in report.json or data/*.json is covered without a new rule.
import type { z } from 'zod';
import type { Issue } from '../../core/model.ts';
import { webUrl } from '../../core/schema.ts';
import { insecureWebUrl } from '../../core/url-policy.ts';
import type { JsonDoc } from './json.ts';

/** A path into a JSON value; "*" stands for every item of an array. */
export type SchemaPath = (string | '*')[];

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of every webUrl field of `schema` (through optional, nullable, default, arrays, unions, objects). */
export function webUrlPaths(schema: z.ZodType, at: SchemaPath = []): SchemaPath[] {
  if (schema === webUrl) return [at];
  const def = defOf(schema);
  if (def.innerType) return webUrlPaths(def.innerType, at);
  if (def.type === 'pipe' && def.in) return webUrlPaths(def.in, at);
  if (def.type === 'array' && def.element) return webUrlPaths(def.element, [...at, '*']);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => webUrlPaths(o, at));
  if (def.type === 'object' && def.shape) return Object.entries(def.shape).flatMap(([k, v]) => webUrlPaths(v, [...at, k]));
  return [];
}

/** The concrete paths and string values at `path` in `value`. */
function valuesAt(value: unknown, path: SchemaPath, at: (string | number)[] = []): { at: (string | number)[]; url: string }[] {
  if (path.length === 0) return typeof value === 'string' ? [{ at, url: value }] : [];
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => valuesAt(v, rest, [...at, i])) : [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return valuesAt((value as Record<string, unknown>)[head], rest, [...at, head]);
}

// Called once per catalogue entry and per report: walk each schema once.
const pathsBySchema = new WeakMap<z.ZodType, SchemaPath[]>();
function cachedPaths(schema: z.ZodType): SchemaPath[] {
  let paths = pathsBySchema.get(schema);
  if (!paths) pathsBySchema.set(schema, (paths = webUrlPaths(schema)));
  return paths;
}

/** Warnings for plain-http addresses in `value` (one valid entry of `schema`, at `base` in the file). */
export function insecureUrlIssues(doc: JsonDoc, value: unknown, schema: z.ZodType, base: (string | number)[] = []): Issue[] {
  const issues: Issue[] = [];
  for (const path of cachedPaths(schema))
    for (const { at, url } of valuesAt(value, path)) {
      const https = insecureWebUrl(url);
      if (!https) continue;
      issues.push({
        level: 'warning',
        code: 'insecure-url',
        file: doc.file.path,
        line: doc.lineOf([...base, ...at]),
        column: at.filter((p) => typeof p === 'string').join('.'),
        message: `Địa chỉ "${url.slice(0, 120)}" dùng http:// (không mã hóa, có thể bị sửa trên đường truyền).`,
        hint: `Dùng https://…: "${https.slice(0, 120)}" (kiểm tra trang mở được); chỉ giữ http:// khi cơ quan ban hành không có https.`,
      });
    }
  return issues;
}
