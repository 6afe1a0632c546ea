/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const detectLanguage: (a: number, b: number) => [number, number];
export const keywords: (a: any, b: any) => [number, number, number];
export const languages: () => any;
export const rank: (a: any, b: any) => [number, number, number];
export const readFile: (a: number, b: number, c: number, d: number) => [number, number, number];
export const start: () => void;
export const summarize: (a: any, b: any) => [number, number, number];
export const summarizeMany: (a: any, b: any) => [number, number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
