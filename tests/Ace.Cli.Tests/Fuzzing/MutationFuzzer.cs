using System.Text;

namespace Ace.Cli.Tests.Fuzzing;

/// <summary>
/// A deterministic in-process mutation fuzzer (no instrumentation): from a seed corpus it derives inputs by flipping
/// bits, replacing, inserting, deleting and duplicating bytes, splicing two seeds, and inserting tokens of the format
/// (quotes, brackets, huge and special numbers), with a fixed random seed so that a run is reproducible.
/// </summary>
public sealed class MutationFuzzer(IReadOnlyList<byte[]> corpus, int seed)
{
    private static readonly byte[][] Tokens = [.. new[]
    {
        "\"", "'", "[", "]", "{", "}", ":", ",", "=", " ", "\n", "\r\n", "\t", "#", "-", "0", "1", "-1", "2147483648", "1e308", "-1e308",
        "1e-320", "NaN", "inf", "T", "F", "null", "true", "\"\"", "Lattice=", "Properties=", "pbc=", "species:S:1", "pos:R:3", "forces:R:3",
        "energy=", "virial=", "99999999999", "\\", "\u00e9", "\u2028", "\0", "elements:", "degrees:", "[100000]", "numerator", "version",
    }.Select(Encoding.UTF8.GetBytes)];

    private readonly Random _random = new(seed);

    /// <summary>The next mutated input.</summary>
    public byte[] Next()
    {
        var data = new List<byte>(corpus[_random.Next(corpus.Count)]);
        int mutations = 1 + _random.Next(8);
        for (int m = 0; m < mutations; m++)
        {
            Mutate(data);
        }
        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        int at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(8))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[at] = (byte)_random.Next(256);
                break;
            case 2:
                data.Insert(at, (byte)_random.Next(256));
                break;
            case 3 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                break;
            case 4 when data.Count > 0:
                int length = Math.Min(data.Count - at, 1 + _random.Next(64));
                data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                break;
            case 5:
                var other = corpus[_random.Next(corpus.Count)];
                int from = other.Length == 0 ? 0 : _random.Next(other.Length);
                data.InsertRange(at, other.Skip(from).Take(1 + _random.Next(128)));
                break;
            case 6 when data.Count > 0:
                data.RemoveRange(at, data.Count - at);
                break;
            default:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
        }
    }
}
