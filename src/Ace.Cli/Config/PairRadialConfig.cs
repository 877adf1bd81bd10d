namespace Ace.Cli.Config;

/// <summary>The radial basis (and so the cutoff) of one unordered element pair, from the config's `pairs:` mapping.</summary>
/// <param name="ElementA">The first element of the pair.</param>
/// <param name="ElementB">The second element (the same for a like pair).</param>
/// <param name="Cutoff">The pair's cutoff radius, Angstrom.</param>
/// <param name="R0">The pair's distance-transform scale, Angstrom.</param>
/// <param name="P">Exponent p of the distance transform.</param>
/// <param name="Q">Exponent q of the distance transform.</param>
/// <param name="PIn">Envelope exponent at r = 0.</param>
/// <param name="PCut">Envelope exponent at the cutoff.</param>
internal sealed record PairRadialConfig(string ElementA, string ElementB, double Cutoff, double R0, int P, int Q, int PIn, int PCut);
