using System.Globalization;

namespace Ace.Core.Analysis;

/// <summary>An energy curve sampled at increasing distances (or angles): a dimer or trimer curve, or a reference.</summary>
public sealed class Curve
{
    /// <summary>A curve through the given points.</summary>
    /// <param name="name">A label for tables and plots.</param>
    /// <param name="x">The abscissae (distances in Angstrom or angles in degrees), strictly increasing and finite.</param>
    /// <param name="energies">The energy at each abscissa in eV.</param>
    /// <exception cref="ArgumentException">The lengths differ, a value is not finite, or x is not strictly increasing.</exception>
    public Curve(string name, IReadOnlyList<double> x, IReadOnlyList<double> energies)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(energies);
        if (x.Count != energies.Count)
        {
            throw new ArgumentException($"curve '{name}' has {x.Count} abscissae but {energies.Count} energies", nameof(energies));
        }
        for (int k = 0; k < x.Count; k++)
        {
            if (!double.IsFinite(x[k]) || !double.IsFinite(energies[k]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"curve '{name}' point {k} is not finite: ({x[k]}, {energies[k]})"), nameof(energies));
            }
            if (k > 0 && !(x[k] > x[k - 1]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"curve '{name}' abscissae must increase strictly; point {k} is {x[k]} after {x[k - 1]}"), nameof(x));
            }
        }
        Name = name;
        X = [.. x];
        Energies = [.. energies];
    }

    /// <summary>The label.</summary>
    public string Name { get; }

    /// <summary>The abscissae.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The energies in eV.</summary>
    public IReadOnlyList<double> Energies { get; }

    /// <summary>The number of points.</summary>
    public int Count => X.Count;

    /// <summary>
    /// The root-mean-square difference (eV) to <paramref name="reference"/> over the points with x in
    /// [<paramref name="from"/>, <paramref name="to"/>]; this curve is linearly interpolated at the reference's abscissae.
    /// </summary>
    /// <exception cref="ArgumentException">No reference point lies in the window and inside this curve's range.</exception>
    public double RmsDeviation(Curve reference, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(reference);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < reference.Count; k++)
        {
            double x = reference.X[k];
            if (x < from || x > to || x < X[0] || x > X[^1])
            {
                continue;
            }
            double d = Interpolate(x) - reference.Energies[k];
            sum += d * d;
            count++;
        }
        if (count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"no point of '{reference.Name}' lies in [{from}, {to}] and inside '{Name}' ([{X[0]}, {X[^1]}])"), nameof(reference));
        }
        return Math.Sqrt(sum / count);
    }

    /// <summary>The RMS difference (eV) to an exact function over this curve's points in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <exception cref="ArgumentException">No point lies in the window.</exception>
    public double RmsDeviation(Func<double, double> exact, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(exact);
        var reference = new Curve("exact", X, X.Select(exact).ToList());
        return RmsDeviation(reference, from, to);
    }

    /// <summary>The linear interpolation of the curve at <paramref name="x"/> (clamped to the end points).</summary>
    public double Interpolate(double x)
    {
        if (x <= X[0])
        {
            return Energies[0];
        }
        if (x >= X[^1])
        {
            return Energies[^1];
        }
        int hi = 1;
        while (X[hi] < x)
        {
            hi++;
        }
        double t = (x - X[hi - 1]) / (X[hi] - X[hi - 1]);
        return (1 - t) * Energies[hi - 1] + t * Energies[hi];
    }

    /// <summary>Reads a two-column text file "x energy" (blank lines and lines starting with '#' skipped).</summary>
    /// <exception cref="FormatException">A line does not hold two numbers; the message names the file and line.</exception>
    public static Curve Read(string path, string? name = null)
    {
        var x = new List<double>();
        var e = new List<double>();
        int lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
            {
                throw new FormatException($"{path}:{lineNumber}: expected two numbers 'x energy', got '{raw}'");
            }
            x.Add(a);
            e.Add(b);
        }
        return new Curve(name ?? Path.GetFileNameWithoutExtension(path), x, e);
    }

    /// <summary>The curve as CSV text with the header "<paramref name="xHeader"/>,energy_eV" (invariant culture, round-trip precision).</summary>
    public string ToCsv(string xHeader = "r_A")
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(xHeader).Append(",energy_eV\n");
        for (int k = 0; k < Count; k++)
        {
            sb.Append(X[k].ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(Energies[k].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }
}
