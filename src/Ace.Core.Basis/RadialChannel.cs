namespace Ace.Core.Basis;

/// <summary>A radial channel (n, l) of a one-particle function: fitted radial functions R_nl depend on both labels.</summary>
/// <param name="N">The radial label n (&gt;= 1).</param>
/// <param name="L">The angular label l.</param>
public readonly record struct RadialChannel(int N, int L);
