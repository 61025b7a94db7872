/**
 * AssemblyScript, not TypeScript for Node (bench/wasm-kernels.ts compiles it at run time with asc;
 * nothing else reads it): the Q model's three hottest per-household kernels, written to compare
 * with the JS ones on the same columns — `eat` (src/modules/households/consumption.ts),
 * `wantingToShop` (src/modules/households/outings.ts, with lowOnBasics and lowOnPersonal of
 * needs.ts inlined) and `moveTowardScores` (src/modules/satisfaction/index.ts, with todaysScore).
 *
 * Each column is passed as the byte offset of its first row in the one WebAssembly.Memory that
 * JS also holds typed-array views on; row h of a column of n-byte values is at `base + h * n`.
 * The arithmetic is the JS kernels' line by line, in the same order (no reassociation: WASM
 * floats are IEEE doubles as JS numbers are), so the outputs can be compared bit for bit.
 */

/** Address of row h in a column of 8-byte values (Float64). */
@inline function at8(base: usize, h: i32): usize { return base + (<usize>h << 3); }
/** Address of row h in a column of 4-byte values (Int32). */
@inline function at4(base: usize, h: i32): usize { return base + (<usize>h << 2); }

/**
 * The day's eating (consumption.ts's `eat`): each household's food budget comes in as cash, it
 * eats `members` person-days of vegetables and pork and a day of personal goods from its stocks,
 * and today's needs met are tallied. The five tallies (households met, households with personal
 * needs unmet, residents of each group in households with basic needs unmet) are written as
 * doubles at `tally`, as the JS kernel writes its Float64Array.
 */
export function eat(
  count: i32,
  members: usize,
  vegetableStock: usize,
  porkStock: usize,
  personalStock: usize,
  basicMet: usize,
  personalMet: usize,
  unmetBasicDays: usize,
  unmetPersonalDays: usize,
  cash: usize,
  foodBudgetPerDay: usize,
  elderlyNoSmartphone: usize,
  elderlySmartphone: usize,
  others: usize,
  tally: usize,
): void {
  let householdsMet: i32 = 0;
  let personalUnmet: i32 = 0;
  let unmetNoSmartphone: i32 = 0;
  let unmetSmartphone: i32 = 0;
  let unmetOthers: i32 = 0;
  for (let h: i32 = 0; h < count; h++) {
    const need = <f64>load<u8>(members + h);
    store<f64>(at8(cash, h), load<f64>(at8(cash, h)) + load<f64>(at8(foodBudgetPerDay, h)));
    const veg = load<f64>(at8(vegetableStock, h));
    const pork = load<f64>(at8(porkStock, h));
    const basic = veg >= need && pork >= need;
    store<f64>(at8(vegetableStock, h), veg > need ? veg - need : 0);
    store<f64>(at8(porkStock, h), pork > need ? pork - need : 0);
    const personal = load<f64>(at8(personalStock, h));
    store<f64>(at8(personalStock, h), personal > 1 ? personal - 1 : 0);
    store<u8>(basicMet + h, basic ? 1 : 0);
    const personalToday: i32 = personal >= 1 ? 1 : 0;
    store<u8>(personalMet + h, personalToday);
    personalUnmet += 1 - personalToday;
    if (basic) householdsMet++;
    else {
      store<i32>(at4(unmetBasicDays, h), load<i32>(at4(unmetBasicDays, h)) + 1);
      unmetNoSmartphone += load<u8>(elderlyNoSmartphone + h);
      unmetSmartphone += load<u8>(elderlySmartphone + h);
      unmetOthers += load<u8>(others + h);
    }
    if (personal < 1) store<i32>(at4(unmetPersonalDays, h), load<i32>(at4(unmetPersonalDays, h)) + 1);
  }
  store<f64>(tally, <f64>householdsMet);
  store<f64>(tally, <f64>personalUnmet, 8);
  store<f64>(tally, <f64>unmetNoSmartphone, 16);
  store<f64>(tally, <f64>unmetSmartphone, 24);
  store<f64>(tally, <f64>unmetOthers, 32);
}

/**
 * The households that would go out today (outings.ts's `wantingToShop`), written as Int32 row
 * numbers at `out` in household order; returns their number. Branch-free as the JS is: every
 * household is written and the list grows by one where it goes out.
 */
export function wantingToShop(
  count: i32,
  day: i32,
  interval: i32,
  outingSlot: usize,
  members: usize,
  vegetableStock: usize,
  porkStock: usize,
  personalStock: usize,
  reorderBelowDays: f64,
  out: usize,
): i32 {
  let n: i32 = 0;
  for (let h: i32 = 0; h < count; h++) {
    const onItsDay: i32 = interval == 1 || (day + <i32>load<u8>(outingSlot + h)) % interval == 0 ? 1 : 0;
    const threshold = reorderBelowDays * <f64>load<u8>(members + h);
    const lowOnBasics = <i32>(load<f64>(at8(vegetableStock, h)) < threshold) | <i32>(load<f64>(at8(porkStock, h)) < threshold);
    const lowOnPersonal = <i32>(load<f64>(at8(personalStock, h)) < reorderBelowDays);
    store<i32>(at4(out, n), h);
    n += onItsDay & (lowOnBasics | lowOnPersonal);
  }
  return n;
}

/**
 * Each household's satisfaction moves `rate` of the way toward today's score of needs met, price
 * and variety (satisfaction's `moveTowardScores` with `todaysScore`); returns their sum in
 * household order.
 */
export function moveTowardScores(
  count: i32,
  satisfaction: usize,
  basicMet: usize,
  personalMet: usize,
  lastPriceRatio: usize,
  lastVariety: usize,
  basic: f64,
  personal: f64,
  price: f64,
  variety: f64,
  total: f64,
  rate: f64,
): f64 {
  let sum: f64 = 0;
  for (let h: i32 = 0; h < count; h++) {
    const priceScore = min<f64>(1, max<f64>(0, 2 - load<f64>(at8(lastPriceRatio, h))));
    const target = (basic * <f64>load<u8>(basicMet + h) + personal * <f64>load<u8>(personalMet + h) + price * priceScore + variety * load<f64>(at8(lastVariety, h))) / total;
    const was = load<f64>(at8(satisfaction, h));
    const s = was + rate * (target - was);
    store<f64>(at8(satisfaction, h), s);
    sum += s;
  }
  return sum;
}

/** Nothing, with as many arguments as a kernel has: what one call from JS into WASM costs. */
export function call14(a: i32, b: i32, c: i32, d: i32, e: i32, f: i32, g: i32, h: i32, i: i32, j: i32, k: i32, l: i32, m: i32, n: i32): i32 {
  return a;
}
