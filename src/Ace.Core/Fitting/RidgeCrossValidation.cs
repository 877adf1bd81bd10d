using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;

namespace Ace.Core.Fitting;

/// <summary>
/// Chooses the Tikhonov factor lambda of <c>(G + lambda^2 Gamma^2) c = b</c> by K-fold cross-validation on per-fold
/// normal equations: for each fold f the coefficients c_f(lambda) are fitted to the other folds (with the prior Gamma_f
/// of those folds) and scored on fold f by its weighted residual sum of squares
/// <c>c^T G_f c - 2 c^T b_f + y^T W^2 y_f</c>, without re-evaluating any structure. One eigendecomposition of
/// <c>Gamma_f^-1 G_-f Gamma_f^-1</c> per fold makes every lambda cost O(n^2). The grid: lambda0 times the decades
/// 1e-6 .. 1e3 (lambda0 = sqrt(trace G / trace Gamma^2) of all folds), then quarter decades around the best decade.
/// </summary>
internal static class RidgeCrossValidation
{
    /// <summary>The decades of the coarse grid, relative to lambda0.</summary>
    public const int SmallestDecade = -6, LargestDecade = 3;

    /// <summary>Quarter decades of refinement on each side of the best decade.</summary>
    private const int RefinementSteps = 3;

    /// <summary>Cross-validates over <paramref name="folds"/> (at least two) and returns the loss curve and the choice.</summary>
    /// <param name="folds">The normal equations of each fold.</param>
    /// <param name="total">Their sum (sets the scale lambda0).</param>
    /// <param name="totalPrior">Gamma of <paramref name="total"/> (null: the identity), the one the final solve uses.</param>
    /// <param name="prior">How Gamma follows from training normal equations (each fold's from the other folds).</param>
    public static RidgeSelection Select(IReadOnlyList<NormalEquations> folds, NormalEquations total, Prior? totalPrior, FitPrior prior)
    {
        var backend = LinearAlgebra.Backend;
        var spectra = new FoldSpectrum[folds.Count];
        for (int f = 0; f < folds.Count; f++)
        {
            var training = CrossValidation.Sum(folds, except: f);
            spectra[f] = new FoldSpectrum(training, prior.For(training), folds[f], backend);
        }
        double scale = Scale(total, totalPrior);
        var losses = new SortedDictionary<double, double>();
        double Try(double decade)
        {
            double lambda = scale * Math.Pow(10, decade);
            if (!losses.TryGetValue(lambda, out double loss))
            {
                losses[lambda] = loss = spectra.Sum(s => s.HeldOutLoss(lambda));
            }
            return loss;
        }
        int best = SmallestDecade;
        double bestLoss = double.PositiveInfinity;
        for (int d = SmallestDecade; d <= LargestDecade; d++)
        {
            double loss = Try(d);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (d, loss);
            }
        }
        for (int q = -RefinementSteps; q <= RefinementSteps; q++)
        {
            double decade = best + q / (RefinementSteps + 1.0);
            if (q != 0 && decade >= SmallestDecade && decade <= LargestDecade)
            {
                Try(decade);
            }
        }
        return new RidgeSelection(folds.Count, scale, losses.Select(p => new RidgeCandidate(p.Key, p.Value)).ToList());
    }

    /// <summary>lambda0 = sqrt(trace G / trace Gamma^2), or 1 when G is zero.</summary>
    private static double Scale(NormalEquations normal, Prior? prior)
    {
        int n = normal.Columns;
        double gram = 0, gamma = 0;
        for (int j = 0; j < n; j++)
        {
            gram += normal.Gram[j * n + j];
            double g = prior is null ? 1 : prior.Diagonal[j];
            gamma += g * g;
        }
        return gram > 0 ? Math.Sqrt(gram / gamma) : 1;
    }

    /// <summary>
    /// One fold: the eigendecomposition <c>Gamma^-1 G Gamma^-1 = V diag(e) V^T</c> of the other folds' Gram matrix,
    /// <c>z = V^T Gamma^-1 b</c>, so <c>c(lambda) = Gamma^-1 V diag(1 / (e + lambda^2)) z</c>; and the held-out fold.
    /// </summary>
    private sealed class FoldSpectrum
    {
        private readonly int _n;
        private readonly double[] _eigenvalues;
        private readonly double[] _vectors;
        private readonly double[] _projections;
        private readonly double[] _inverseGamma;
        private readonly NormalEquations _heldOut;

        public FoldSpectrum(NormalEquations training, Prior? prior, NormalEquations heldOut, ILinearAlgebraBackend backend)
        {
            int n = _n = training.Columns;
            _heldOut = heldOut;
            _inverseGamma = new double[n];
            for (int j = 0; j < n; j++)
            {
                _inverseGamma[j] = prior is null ? 1 : 1 / prior.Diagonal[j];
            }
            var scaled = training.Gram.ToArray();
            var b = new double[n];
            for (int j = 0; j < n; j++)
            {
                b[j] = training.ProjectedTargets[j] * _inverseGamma[j];
                for (int i = 0; i < n; i++)
                {
                    scaled[i + j * n] *= _inverseGamma[i] * _inverseGamma[j];
                }
            }
            _eigenvalues = new double[n];
            _vectors = new double[n * n];
            backend.SymmetricEigen(n, scaled, _eigenvalues, _vectors);
            _projections = new double[n];
            for (int k = 0; k < n; k++)
            {
                _eigenvalues[k] = Math.Max(0, _eigenvalues[k]); // rounding can make a zero eigenvalue slightly negative
                double z = 0;
                for (int j = 0; j < n; j++)
                {
                    z += _vectors[j + k * n] * b[j];
                }
                _projections[k] = z;
            }
        }

        /// <summary>The held-out weighted residual sum of squares of the coefficients fitted with <paramref name="lambda"/>.</summary>
        public double HeldOutLoss(double lambda)
        {
            var c = new double[_n];
            double squared = lambda * lambda;
            for (int k = 0; k < _n; k++)
            {
                double weight = _projections[k] / (_eigenvalues[k] + squared);
                for (int j = 0; j < _n; j++)
                {
                    c[j] += weight * _vectors[j + k * _n];
                }
            }
            for (int j = 0; j < _n; j++)
            {
                c[j] *= _inverseGamma[j];
            }
            double residual = _heldOut.ResidualNorm(c);
            return residual * residual;
        }
    }
}
