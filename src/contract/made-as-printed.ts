/**
 * A list of a contract's JSON whose elements are made as they are printed: the JSON printer
 * (src/cli/json-pieces.ts) asks for each element when it comes to it and drops it once written,
 * so the 50,000 row objects of a large check never exist together (they would be kept through
 * the whole printing, and copied by the garbage collector on the way). JSON.stringify gives the
 * same text as for the array (toJSON makes it). Each call of `at` makes the element afresh.
 */
export class ListMadeAsPrinted<T> {
  constructor(
    readonly length: number,
    private readonly make: (index: number) => T,
  ) {}

  at(index: number): T {
    return this.make(index);
  }

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}
