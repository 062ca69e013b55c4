// Types of scripts/build-cli.mjs for the TypeScript that imports it (the bench and the CLI build test).
export const ROOT: string;
export const OUT_DIR: string;
export const MANIFEST: string;
export function sha256(bytes: Uint8Array | string): string;
export function buildCli(): Promise<number>;
export function checkCli(): Promise<string[]>;
export function isStale(): boolean;
export function physicsHash(): string;
