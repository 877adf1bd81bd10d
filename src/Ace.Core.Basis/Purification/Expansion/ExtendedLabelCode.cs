namespace Ace.Core.Basis.Purification.Expansion;

/// <summary>
/// A one-particle function (z, n, l, m) of the extended basis packed into one positive integer whose order is the
/// (species, n, l, m) order of the A layout: 5 bits species, 12 bits n (1-based; with fitted radials n also numbers the
/// product channels, <see cref="FittedRadialProducts"/>), 7 bits l, 8 bits m + 127.
/// </summary>
internal static class ExtendedLabelCode
{
    public const int MaxSpecies = 31;
    public const int MaxN = 4095;
    public const int MaxL = 127;

    public static uint Pack(int species, int n, int l, int m)
    {
        if ((uint)species > MaxSpecies || n < 1 || n > MaxN || (uint)l > MaxL)
        {
            throw new ArgumentOutOfRangeException(nameof(n),
                $"the extended one-particle label (species {species}, n {n}, l {l}) exceeds the packed range (species <= {MaxSpecies}, n <= {MaxN}, l <= {MaxL})");
        }
        return (uint)species << 27 | (uint)n << 15 | (uint)l << 8 | (uint)(m + 127);
    }

    public static int Species(uint code) => (int)(code >> 27);

    public static int N(uint code) => (int)(code >> 15 & 0xFFF);

    public static int L(uint code) => (int)(code >> 8 & 0x7F);

    public static int M(uint code) => (int)(code & 0xFF) - 127;
}
