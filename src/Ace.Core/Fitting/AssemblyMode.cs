namespace Ace.Core.Fitting;

/// <summary>How the weighted linear system is assembled.</summary>
public enum AssemblyMode
{
    /// <summary>Normal equations when the solver accepts them, else the dense design matrix.</summary>
    Auto,

    /// <summary>The dense design matrix (rows x functions): needed by QR, LSQR and truncated SVD; memory grows with the rows.</summary>
    DenseDesign,

    /// <summary>Rows streamed into normal-equations accumulators (functions x functions memory, independent of the rows).</summary>
    NormalEquations,
}
