using System.Globalization;
using System.Text.Json.Serialization;

namespace Ace.Core.Basis;

/// <summary>
/// An exact rational number p/q (q &gt; 0, lowest terms), used for the angular weight w_L and the degree bounds
/// D_nu so that the total-degree rule sum_t (n_t + w_L l_t) &lt;= D_nu is decided without floating-point roundoff.
/// </summary>
public readonly record struct Rational : IComparable<Rational>
{
    /// <summary>Creates numerator/denominator in lowest terms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is zero.</exception>
    [JsonConstructor]
    public Rational(long numerator, long denominator)
    {
        if (denominator == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "a rational number needs a non-zero denominator");
        }
        if (denominator < 0)
        {
            numerator = checked(-numerator);
            denominator = checked(-denominator);
        }
        long g = Gcd(Math.Abs(numerator), denominator);
        Numerator = numerator / g;
        _denominatorMinusOne = denominator / g - 1;
    }

    /// <summary>The numerator (sign carrier).</summary>
    public long Numerator { get; }

    // Stored minus one so that default(Rational) is 0/1.
    private readonly long _denominatorMinusOne;

    /// <summary>The denominator (always positive).</summary>
    public long Denominator => _denominatorMinusOne + 1;

    /// <summary>The integer n as a rational number.</summary>
    public static implicit operator Rational(int value) => new(value, 1);

    /// <summary>The integer n as a rational number (named alternative to the conversion).</summary>
    public static Rational FromInt32(int value) => new(value, 1);

    /// <summary>The sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Denominator + b.Numerator * a.Denominator), checked(a.Denominator * b.Denominator));

    /// <summary>The product.</summary>
    public static Rational operator *(Rational a, Rational b) =>
        new(checked(a.Numerator * b.Numerator), checked(a.Denominator * b.Denominator));

    /// <summary>The sum (named alternative to the operator).</summary>
    public static Rational Add(Rational a, Rational b) => a + b;

    /// <summary>The product (named alternative to the operator).</summary>
    public static Rational Multiply(Rational a, Rational b) => a * b;

    /// <summary>Exact comparison.</summary>
    public int CompareTo(Rational other) =>
        (checked(Numerator * other.Denominator)).CompareTo(checked(other.Numerator * Denominator));

    /// <summary>Exact comparison.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    /// <summary>Exact comparison.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary>The nearest double.</summary>
    public double ToDouble() => (double)Numerator / Denominator;

    /// <summary>"p/q", or "p" when the denominator is 1 (invariant culture).</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Parses "p", "p/q" or a finite decimal such as "1.5" exactly.</summary>
    /// <exception cref="FormatException">The text is not such a number.</exception>
    public static Rational Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        int slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (long.TryParse(s.AsSpan(0, slash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long p)
                && long.TryParse(s.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long q) && q != 0)
            {
                return new Rational(p, q);
            }
            throw new FormatException($"'{text}' is not a rational number p/q");
        }
        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal d))
        {
            long den = 1;
            while (d != decimal.Truncate(d))
            {
                d *= 10;
                den = checked(den * 10);
            }
            return new Rational(checked((long)d), den);
        }
        throw new FormatException($"'{text}' is not a rational number (expected p, p/q or a decimal such as 1.5)");
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a == 0 ? 1 : a;
    }
}
