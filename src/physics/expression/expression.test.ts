import { ExpressionError } from '../errors';
import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH, parseExpression } from './parse';
import { compileExpression } from './validate';
import { erf } from '../numerics/normal';

const value = (text: string, x: number): number => compileExpression(text).value(x);

function errorOf(text: string): ExpressionError {
  try {
    compileExpression(text);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`'${text}' compiled`);
}

describe('parsing and precedence', () => {
  it('numbers, x, constants', () => {
    expect(value('x', 0.3)).toBe(0.3);
    expect(value('1e-3*x', 2)).toBeCloseTo(0.002, 16);
    expect(value('2.5E+2*x', 1)).toBe(250);
    expect(value('.5*x', 2)).toBe(1);
    expect(value('5.*x', 2)).toBe(10);
    expect(value('pi*x', 1)).toBe(Math.PI);
    expect(value('e^x', 1)).toBeCloseTo(Math.E, 15);
    expect(value('PI*X', 1)).toBe(Math.PI); // case-insensitive names
  });

  it('^ is right-associative and binds tighter than unary minus', () => {
    expect(value('-x^2', 3)).toBe(-9);
    expect(value('(-x)^2', 3)).toBe(9);
    expect(value('2^3^2*x', 1)).toBe(512);
    expect(value('(1+x^2)^-1', 1)).toBe(0.5);
    expect(value('-2^2+x', 0)).toBe(-4);
    expect(value('x**2', 3)).toBe(9);
  });

  it('usual precedence and associativity of + − * /', () => {
    expect(value('1 + 2*x - 3/(x^2 + 1)', 2)).toBeCloseTo(4.4, 15);
    expect(value('x - 1 - 1', 5)).toBe(3);
    expect(value('x / 2 / 2', 8)).toBe(2);
    expect(value('--x', 2)).toBe(2);
    expect(value('+x', 2)).toBe(2);
  });

  it('implicit product after a number: 2x, 3(x+1), 0.5tanh(x)', () => {
    expect(value('2x', 1.5)).toBe(3);
    expect(value('3(x+1)', 1)).toBe(6);
    expect(value('0.5tanh(x)', 1)).toBeCloseTo(0.5 * Math.tanh(1), 16);
    expect(value('2x^2', 3)).toBe(18); // 2·(x²)
    expect(value('tanh(2x)', 0.4)).toBe(Math.tanh(0.8));
  });

  it('typographic minus, times and π are accepted', () => {
    expect(value('x − 1', 3)).toBe(2);
    expect(value('2×x', 3)).toBe(6);
    expect(value('2·x', 3)).toBe(6);
    expect(value('π·x', 1)).toBe(Math.PI);
  });

  it('all functions evaluate like Math', () => {
    const x = 0.7;
    const cases: [string, number][] = [
      ['abs(x-1)', 0.30000000000000004],
      ['exp(x)', Math.exp(x)],
      ['log(1+x^2)', Math.log(1 + x * x)],
      ['ln(1+x^2)', Math.log(1 + x * x)],
      ['sqrt(1+x^2)', Math.sqrt(1 + x * x)],
      ['sin(x)', Math.sin(x)],
      ['cos(x)', Math.cos(x)],
      ['tan(x)', Math.tan(x)],
      ['tanh(x)', Math.tanh(x)],
      ['sinh(x)', Math.sinh(x)],
      ['cosh(x)', Math.cosh(x)],
      ['atan(x)', Math.atan(x)],
      ['erf(x)', erf(x)],
      ['max(x, 0.5)', 0.7],
      ['min(x, 0.5)', 0.5],
      ['relu(x-1)+x', x],
      ['sigmoid(x)', 1 / (1 + Math.exp(-x))],
      ['softplus(x)', Math.log(1 + Math.exp(x))],
      ['sign(x-1)+x', -1 + x],
      ['pow(x, 3)', x ** 3],
    ];
    for (const [text, v] of cases) expect(value(text, x)).toBeCloseTo(v, 15);
  });

  it('softplus and sigmoid are stable for large |x|', () => {
    const sp = compileExpression('softplus(x)');
    expect(sp.value(800)).toBe(800);
    expect(sp.value(-800)).toBe(0);
    expect(compileExpression('sigmoid(x)').value(-800)).toBe(0);
  });

  it('the syntax tree is plain data', () => {
    expect(parseExpression('-x^2')).toEqual({
      type: 'neg',
      arg: { type: 'bin', op: '^', left: { type: 'x' }, right: { type: 'num', value: 2 } },
    });
  });
});

describe('derivatives (forward-mode dual numbers)', () => {
  const EXPRESSIONS = [
    'x',
    '3x^2 - 2x + 1',
    'x^3/(1 + x^2)',
    'tanh(2x)',
    'erf(x)',
    'sigmoid(x)',
    'softplus(x)',
    'exp(-x^2/2)',
    'sin(x)*cos(2x)',
    'tan(x/2)',
    'sinh(x)/cosh(x)',
    'atan(3x)',
    'log(1 + x^2)',
    'ln(2 + sin(x))',
    'sqrt(1 + x^2)',
    'pow(x, 2) + pow(2, x)',
    '2^x',
    '(1+x^2)^(1/3)',
    'abs(x)^3',
    'x*relu(x)',
    'max(x, x^2)',
    'min(sin(x), cos(x))',
    'sign(x)*x^2',
    'exp(sin(x))^2',
    'e^(x/3)',
    'pi*x',
  ];
  const POINTS = [-2.3, -1.1, -0.37, 0.21, 0.9, 1.7, 2.6];

  it('σ′ matches a high-order central difference', () => {
    for (const text of EXPRESSIONS) {
      const c = compileExpression(text);
      for (const x of POINTS) {
        const h = 1e-3;
        const f = c.value;
        const fd = (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
        const d = c.derivative(x);
        expect(Math.abs(d - fd), `${text} at ${x}`).toBeLessThan(1e-8 * (1 + Math.abs(d)));
        const [v, d2] = c.evaluate(x);
        expect(v).toBe(f(x));
        expect(d2).toBe(d);
        const out = new Float64Array(2);
        c.evaluateInto(x, out);
        expect(out[0]).toBe(v);
        expect(out[1]).toBe(d);
      }
    }
  });

  it('exact derivatives where known', () => {
    const t = compileExpression('tanh(2x)');
    expect(t.derivative(0.3)).toBeCloseTo(2 * (1 - Math.tanh(0.6) ** 2), 15);
    expect(compileExpression('erf(x)').derivative(1)).toBeCloseTo((2 / Math.sqrt(Math.PI)) * Math.exp(-1), 15);
    expect(compileExpression('x^3').derivative(-2)).toBe(12);
    expect(compileExpression('(x-1)^2').derivative(-1)).toBe(-4); // negative base, constant exponent
  });

  it('kinks: ReLU-like σ′ is the step function, with σ′(0) = 0', () => {
    const r = compileExpression('max(x, 0)');
    expect(r.derivative(0.5)).toBe(1);
    expect(r.derivative(-0.5)).toBe(0);
    expect(r.derivative(0)).toBe(0);
    expect(compileExpression('relu(x)').derivative(0)).toBe(0);
    expect(compileExpression('abs(x)').derivative(-3)).toBe(-1);
    expect(compileExpression('max(x, 0.01x)').derivative(-3)).toBeCloseTo(0.01, 16);
  });

  it('locates kinks: sign changes of the arguments of abs, relu, sign, max, min', () => {
    expect(compileExpression('tanh(x)').kinks(-12, 12)).toEqual([]);
    expect(compileExpression('tanh(x)').nonSmooth).toBe(false);
    expect(compileExpression('max(x, 0)').kinks(-12, 12)).toEqual([0]);
    expect(compileExpression('max(x, 0.01x)').kinks(-12, 12)).toEqual([0]);
    const k = compileExpression('abs(x - 1) + relu(x + 0.5) + min(x, 2.25)').kinks(-12, 12);
    expect(k).toHaveLength(3);
    expect(k[0]).toBeCloseTo(-0.5, 14);
    expect(k[1]).toBeCloseTo(1, 14);
    expect(k[2]).toBeCloseTo(2.25, 14);
    expect(
      compileExpression('abs(x^2 - 2)')
        .kinks(-12, 12)
        .map((v) => v * v),
    ).toEqual([expect.closeTo(2, 13), expect.closeTo(2, 13)]);
  });
});

describe('errors', () => {
  it('name the position', () => {
    expect(errorOf('tanh(x))').message).toBe("unexpected ')' at 8 (no matching '(')");
    expect(errorOf('tanh(x))').position).toBe(8);
    expect(errorOf('x + * 2').message).toBe("unexpected '*' at 5");
    expect(errorOf('foo(x)').message).toBe("unknown function 'foo' at 1");
    expect(errorOf('2*y').message).toBe("unknown variable 'y' at 3 (the variable is x)");
    expect(errorOf('x $ 2').message).toBe("unexpected character '$' at 3");
    expect(errorOf('(x+1').message).toBe("unexpected end of expression (expected ')' to close '(' at 1)");
    expect(errorOf('max(x)').message).toBe("'max' at 1 takes 2 arguments, got 1");
    expect(errorOf('tanh(x, 2)').message).toBe("'tanh' at 1 takes 1 argument, got 2");
    expect(errorOf('sin + x').message).toBe("'sin' at 1 is a function: write sin(…)");
    expect(errorOf('x(x+1)').message).toBe("'x' at 1 is not a function (write x*(…) for a product)");
    expect(errorOf('x x').message).toBe("unexpected 'x' at 3");
    expect(errorOf('1.2.3*x').message).toBe("unexpected '.3' at 4");
  });

  it('empty, too long, not a string', () => {
    expect(errorOf('').message).toBe('empty expression');
    expect(errorOf('   ').message).toBe('empty expression');
    expect(errorOf('x+'.repeat(500) + 'x').message).toMatch(/too long \(1001 characters; at most 1000\)/);
    expect(MAX_EXPRESSION_LENGTH).toBe(1000);
    // A 15-term polynomial with 17-digit coefficients (a truncated Hermite series typed out) fits.
    const series = Array.from({ length: 15 }, (_, k) => `${(0.1234567890123456 / (k + 1)).toPrecision(17)}*x^${k}`);
    expect(series.join('+').length).toBeGreaterThan(300);
    expect(() => parseExpression(series.join('+'))).not.toThrow();
    expect(() => compileExpression(42 as unknown as string)).toThrow(ExpressionError);
  });

  it('non-finite values or derivatives on [−12, 12]', () => {
    expect(errorOf('log(x)').message).toBe('σ(0) = -Infinity is not finite: σ must be finite on [−12, 12]');
    expect(errorOf('1/x').message).toMatch(/^σ\(0\) = Infinity is not finite/);
    expect(errorOf('sqrt(x)').message).toMatch(/is not finite/);
    expect(errorOf('exp(x^3)').message).toMatch(/is not finite/);
    expect(errorOf('x^x').message).toMatch(/not finite/);
  });

  it('constant expressions', () => {
    expect(errorOf('3').message).toBe('σ(x) = 3 is constant: it must depend on x');
    expect(errorOf('x - x').message).toBe('σ(x) = 0 is constant: it must depend on x');
    expect(errorOf('sin(pi)^2 + 1').message).toMatch(/is constant/);
  });

  it('no access to object properties or code', () => {
    expect(errorOf('constructor(x)').message).toBe("unknown function 'constructor' at 1");
    expect(errorOf('toString').message).toMatch(/unknown variable 'toString'/);
    expect(errorOf('__proto__ + x').message).toMatch(/unknown variable '__proto__'/);
    expect(errorOf('x; process.exit()').message).toBe("unexpected character ';' at 2");
  });

  it('ExpressionError is an Error with a one-line message', () => {
    const e = errorOf('foo(x)');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect(e.message).not.toContain('\n');
  });
});
