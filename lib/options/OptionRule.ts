/**
 * @internal What one option of an {@link OptionSchema} must be: the text
 * its errors use, the check itself, whether it may be left out, and its
 * default. Rules are plain values, so two schemas that share an option
 * share the rule object itself (the same check, the same words), and
 * {@link pickOptions} can prove that a value validated by one schema is
 * valid for another.
 *
 * Build one with {@link optionRules} (`optionRules.positiveMs`,
 * `optionRules.boolean`, `optionRules.custom(...)`, ...).
 *
 * @typeParam V - The type of the option's value.
 */
export interface OptionRule<V = unknown> {
  /**
   * What the value must be, as every error about this option says it after
   * `must be`: `a positive finite number of milliseconds`, `a boolean`.
   */
  readonly expected: string;
  /**
   * Throws a TypeError or RangeError worded `<where>: <option> must be
   * <expected>, got <value>` (or a more precise sentence that starts the
   * same way) unless `value` is acceptable. Called only for a value that is
   * not `undefined`, unless {@link OptionRule.required} is set.
   *
   * @param value - The value given.
   * @param option - The option's name as the user wrote it (`background.intervalMs` when nested).
   * @param where - The function the user called: `PulsecheckModule.forRoot`, `healthModule`.
   */
  readonly check: (value: unknown, option: string, where: string) => void;
  /** Whether `undefined` is refused too (checked like any other value). */
  readonly required?: boolean;
  /**
   * For a nested options object ({@link optionRules}`.object`): its schema.
   * {@link validateOptions} then validates the nested object by it and keeps
   * the frozen, validated copy, so its next owner does not check it again.
   */
  readonly schema?: object;
  /** The value an owner uses when the option is left out ({@link optionDefaults}); absent when there is none. */
  readonly defaultValue?: V;
}
