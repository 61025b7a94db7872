/** The alea generator file of the seedrandom package (the same function as `seedrandom.alea`). */
declare module 'seedrandom/lib/alea.js' {
  interface AleaOptions {
    /** `true` to make the generator's state readable; a saved state to resume from it. */
    state?: boolean | object;
  }
  interface AleaGenerator {
    (): number;
    state(): object;
  }
  export default function alea(seed: string, options?: AleaOptions): AleaGenerator;
}
