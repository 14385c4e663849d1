/**
 * Indicator formulas: arithmetic over raw series ids, e.g. `rd_expenditure / gdp * 100`.
 *
 * Grammar: expr = term (("+" | "-") term)*; term = unary (("*" | "/") unary)*;
 * unary = "-" unary | primary; primary = number | series id | "(" expr ")".
 * Series ids are letters, digits and underscores, starting with a letter.
 *
 * Evaluation reports, rather than hides, the two ways a cell can fail: a series value that
 * is missing, and a division by zero (which would otherwise give Infinity or NaN).
 */

type Node =
  | { kind: "num"; value: number }
  | { kind: "ref"; id: string }
  | { kind: "neg"; arg: Node }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Node; right: Node };

export interface Formula {
  readonly source: string;
  /** Series ids the formula reads, in order of first appearance. */
  readonly series: readonly string[];
  readonly root: Node;
}

export type Evaluation =
  | { ok: true; value: number }
  | { ok: false; missing: string[] }
  | { ok: false; divisionByZero: string };

export class FormulaSyntaxError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = "FormulaSyntaxError";
    this.position = position;
  }
}

export function parseFormula(source: string): Formula {
  const tokens = tokenize(source);
  let i = 0;
  const series: string[] = [];

  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const t = tokens[i];
    const at = t ? `"${t.text}" at character ${t.pos + 1}` : "the end";
    throw new FormulaSyntaxError(`invalid formula "${source}": ${what}, found ${at}`, t?.pos ?? source.length);
  };

  function expr(): Node {
    let left = term();
    while (peek()?.text === "+" || peek()?.text === "-") {
      const op = tokens[i++].text as "+" | "-";
      left = { kind: "bin", op, left, right: term() };
    }
    return left;
  }

  function term(): Node {
    let left = unary();
    while (peek()?.text === "*" || peek()?.text === "/") {
      const op = tokens[i++].text as "*" | "/";
      left = { kind: "bin", op, left, right: unary() };
    }
    return left;
  }

  function unary(): Node {
    if (peek()?.text === "-") {
      i++;
      return { kind: "neg", arg: unary() };
    }
    return primary();
  }

  function primary(): Node {
    const t = peek();
    if (t === undefined) return fail("expected a number, a series id or \"(\"");
    if (t.type === "num") {
      i++;
      return { kind: "num", value: Number(t.text) };
    }
    if (t.type === "id") {
      i++;
      if (!series.includes(t.text)) series.push(t.text);
      return { kind: "ref", id: t.text };
    }
    if (t.text === "(") {
      i++;
      const inner = expr();
      if (peek()?.text !== ")") fail("expected \")\"");
      i++;
      return inner;
    }
    return fail("expected a number, a series id or \"(\"");
  }

  const root = expr();
  if (i < tokens.length) fail("expected an operator");
  return { source, series, root };
}

interface Token {
  type: "num" | "id" | "op";
  text: string;
  pos: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z][A-Za-z0-9_]*)|([-+*/()]))/y;
  let pos = 0;
  while (pos < source.length) {
    if (/^\s*$/.test(source.slice(pos))) break;
    pattern.lastIndex = pos;
    const m = pattern.exec(source);
    if (m === null) {
      const at = source.slice(pos).search(/\S/) + pos;
      throw new FormulaSyntaxError(
        `invalid formula "${source}": unexpected "${source[at]}" at character ${at + 1}`,
        at,
      );
    }
    const text = m[1] ?? m[2] ?? m[3];
    const type = m[1] !== undefined ? "num" : m[2] !== undefined ? "id" : "op";
    tokens.push({ type, text, pos: pattern.lastIndex - text.length });
    pos = pattern.lastIndex;
  }
  return tokens;
}

/**
 * Evaluates a formula with `lookup` giving each series' value (null when missing). All missing
 * series are reported together; a zero divisor is reported with the sub-expression divided by.
 */
export function evaluateFormula(formula: Formula, lookup: (id: string) => number | null): Evaluation {
  const missing: string[] = [];
  let zeroDivisor: string | null = null;

  function ev(node: Node): number {
    switch (node.kind) {
      case "num":
        return node.value;
      case "ref": {
        const v = lookup(node.id);
        if (v === null) {
          if (!missing.includes(node.id)) missing.push(node.id);
          return NaN;
        }
        return v;
      }
      case "neg":
        return -ev(node.arg);
      case "bin": {
        const a = ev(node.left);
        const b = ev(node.right);
        if (node.op === "+") return a + b;
        if (node.op === "-") return a - b;
        if (node.op === "*") return a * b;
        if (b === 0 && zeroDivisor === null) zeroDivisor = print(node.right);
        return a / b;
      }
    }
  }

  const value = ev(formula.root);
  if (missing.length > 0) return { ok: false, missing };
  if (zeroDivisor !== null) return { ok: false, divisionByZero: zeroDivisor };
  return { ok: true, value };
}

function print(node: Node): string {
  switch (node.kind) {
    case "num":
      return String(node.value);
    case "ref":
      return node.id;
    case "neg":
      return `-${print(node.arg)}`;
    case "bin":
      return `(${print(node.left)} ${node.op} ${print(node.right)})`;
  }
}
