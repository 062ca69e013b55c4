// The spectral tables the build computes ahead (vite.config.ts, plugin `table-pack`; src/physics/mlp/tablePack.ts).
declare module 'virtual:mlp-table-pack' {
  const pack: Record<string, number[]>;
  export default pack;
}
