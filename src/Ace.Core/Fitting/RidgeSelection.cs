using System.Globalization;
using System.Text;

namespace Ace.Core.Fitting;

/// <summary>
/// The Tikhonov factor lambda chosen by K-fold cross-validation (<see cref="FitBuilder.RidgeByCrossValidation"/>) for
/// the ridge system <c>(A^T W^2 A + lambda^2 Gamma^2) c = A^T W^2 y</c>, with every candidate tried and its loss.
/// Prints the loss curve.
/// </summary>
public sealed class RidgeSelection
{
    internal RidgeSelection(int folds, double scale, IReadOnlyList<RidgeCandidate> candidates)
    {
        Folds = folds;
        Scale = scale;
        Candidates = candidates;
        var best = candidates[0];
        foreach (var candidate in candidates)
        {
            if (candidate.Loss < best.Loss)
            {
                best = candidate;
            }
        }
        Lambda = best.Lambda;
        Loss = best.Loss;
    }

    /// <summary>The number of folds of the cross-validation.</summary>
    public int Folds { get; }

    /// <summary>The data scale lambda0 = <c>sqrt(trace(A^T W^2 A) / trace(Gamma^2))</c> the grid is relative to.</summary>
    public double Scale { get; }

    /// <summary>Every lambda tried (ascending) with its cross-validation loss.</summary>
    public IReadOnlyList<RidgeCandidate> Candidates { get; }

    /// <summary>The chosen lambda: the candidate of least loss (the smallest such lambda on a tie).</summary>
    public double Lambda { get; }

    /// <summary>The cross-validation loss at <see cref="Lambda"/>.</summary>
    public double Loss { get; }

    /// <summary>The choice and the loss curve, one candidate per line, the chosen one marked with '*'.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ridge by {Folds}-fold cross-validation: lambda {Lambda:G4} (scale lambda0 {Scale:G4}), CV loss {Loss:G6}\n");
        sb.Append("  lambda/lambda0      CV loss\n");
        foreach (var c in Candidates)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{(c.Lambda == Lambda ? '*' : ' ')} {c.Lambda / Scale,14:G4}  {c.Loss,11:G6}\n");
        }
        return sb.ToString();
    }
}
