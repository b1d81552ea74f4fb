import type { Scheme } from "../score/scheme";
import { pdd10 } from "./pdd10";
import { taobaoFines } from "./taobao";
import { tmall30, tmall130, tmallVouchers } from "./tmall";

export const BUILTIN_SCHEMES: Scheme[] = [pdd10, taobaoFines, tmall30, tmall130, tmallVouchers];

export function builtinScheme(id: string): Scheme | undefined {
  const s = BUILTIN_SCHEMES.find((x) => x.id === id);
  return s && structuredClone(s);
}
