// Loaded before a build by determinism.test.ts (node --import): the clock of that build reads
// ten years, a day and a few seconds later than the real one. A site that takes anything from
// the clock then differs from one built with the real clock. (Worker threads keep the real clock;
// the build's only worker reads Excel input files, which the default study has none of.)
const offset = 3653 * 86_400_000 + 12_345;
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offset);
    // @ts-expect-error: any of Date's argument lists, passed on as it came
    else super(...args);
  }

  static now(): number {
    return RealDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate as DateConstructor;
