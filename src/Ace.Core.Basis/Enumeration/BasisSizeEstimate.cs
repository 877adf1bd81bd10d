using System.Globalization;
using System.Text;
using Ace.Core.Basis.Enumeration;

namespace Ace.Core.Basis;

/// <summary>
/// The size of the basis a specification asks for, counted from the selection rule without coupling anything or
/// building the product graph: label tuples that can carry an invariant (one function each for correlation orders up
/// to 3, an estimate above), their m-products (an upper bound on the product-graph nodes) and the one-particle
/// functions, for every centre element, plus the pair functions. Counting stops as soon as a limit is passed
/// (<see cref="IsLowerBound"/>), so an enormous request is measured in a few milliseconds.
/// </summary>
/// <param name="Functions">Estimated basis functions.</param>
/// <param name="ProductNodes">Estimated product-graph nodes (one-particle functions and products).</param>
/// <param name="EstimatedBytes">Rough memory of the basis itself, bytes.</param>
/// <param name="IsLowerBound">True when counting stopped at a limit: the request is at least this large.</param>
/// <param name="Breakdown">The counts per correlation order, for messages.</param>
public sealed record BasisSizeEstimate(long Functions, long ProductNodes, long EstimatedBytes, bool IsLowerBound, string Breakdown)
{
    // Bytes per product-graph node (parents, per-thread values and adjoints) and per function (label, map row).
    private const long BytesPerNode = 64;
    private const long BytesPerFunction = 512;

    /// <summary>Estimates the size of <paramref name="specification"/>'s ordinary basis, counting no further than <paramref name="limits"/> need.</summary>
    /// <exception cref="ArgumentException">The specification is invalid.</exception>
    public static BasisSizeEstimate Of(AceBasisSpecification specification, BasisLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(specification);
        limits ??= BasisLimits.Default;
        limits.Validate();
        specification.Validate();
        var counter = new Counter(specification, limits);
        counter.Run();
        long bytes = SaturatingAdd(SaturatingMultiply(counter.Nodes, BytesPerNode), SaturatingMultiply(counter.Functions, BytesPerFunction));
        return new BasisSizeEstimate(counter.Functions, counter.Nodes, bytes, counter.Stopped, counter.Breakdown.ToString());
    }

    /// <summary>Throws <see cref="BasisTooLargeException"/> when this estimate exceeds <paramref name="limits"/>.</summary>
    public void ThrowIfExceeds(BasisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (Functions > limits.MaxFunctions || ProductNodes > limits.MaxProductNodes || EstimatedBytes > limits.MaxEstimatedBytes)
        {
            throw new BasisTooLargeException(this, limits);
        }
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    /// <summary>Counts functions and nodes order by order, stopping once a limit is passed.</summary>
    private sealed class Counter(AceBasisSpecification spec, BasisLimits limits)
    {
        private readonly int _centers = spec.Elements.Count;
        private readonly long _nodeBudget = Math.Min(limits.MaxProductNodes, limits.MaxEstimatedBytes / BytesPerNode);
        // Functions are cheap to count: counting on to ten times the limit lets the message say how large a moderately
        // oversized request is.
        private readonly long _functionBudget = SaturatingMultiply(Math.Min(limits.MaxFunctions, limits.MaxEstimatedBytes / BytesPerFunction), 10);

        public long Functions { get; private set; }

        public long Nodes { get; private set; }

        public bool Stopped { get; private set; }

        public StringBuilder Breakdown { get; } = new();

        private bool OverBudget => Functions > _functionBudget || Nodes > _nodeBudget;

        public void Run()
        {
            int first = spec.IncludeCorrelationOrderOne ? 1 : 2;
            for (int order = first; order <= spec.MaxCorrelationOrder && !Stopped; order++)
            {
                long functionsBefore = Functions, nodesBefore = Nodes;
                var candidates = Candidates(order);
                if (!Stopped && order > 1)
                {
                    Recurse(candidates, order, 0, 0, 0, 0, 0, 0, 1);
                }
                Append(string.Create(CultureInfo.InvariantCulture,
                    $"correlation order {order}: {(Stopped ? ">= " : "")}{Functions - functionsBefore:N0} functions, {Nodes - nodesBefore:N0} nodes"));
            }
            if (!Stopped && spec.PairBasis is { } pair)
            {
                long pairs = (long)_centers * (_centers + 1) / 2;
                Functions = SaturatingAdd(Functions, SaturatingMultiply(pairs, pair.MaxDegree));
                Append(string.Create(CultureInfo.InvariantCulture, $"pair basis: {pairs * (long)pair.MaxDegree:N0} functions"));
            }
            Stopped |= OverBudget;
        }

        private void Append(string text) => Breakdown.Append(Breakdown.Length == 0 ? "" : ", ").Append(text);

        /// <summary>The one-particle labels of <paramref name="order"/> (order 1 keeps l = 0 only), counting their (2l + 1) functions per centre as nodes.</summary>
        private List<LabelIndex> Candidates(int order)
        {
            var selection = spec.Selection;
            var list = new List<LabelIndex>();
            for (int z = 0; z < _centers; z++)
            {
                for (int n = 1; n < int.MaxValue && selection.AdmitsLabel(order, n, 0); n++)
                {
                    for (int l = 0; l < int.MaxValue / 2 && selection.AdmitsLabel(order, n, l); l++)
                    {
                        list.Add(new LabelIndex(z, n, l));
                        Nodes = SaturatingAdd(Nodes, (2L * l + 1) * _centers);
                        if (order == 1)
                        {
                            // Each order-1 label is a function of every centre (counted here, not again below).
                            Functions = SaturatingAdd(Functions, _centers);
                        }
                        if (OverBudget)
                        {
                            Stopped = true;
                            return list;
                        }
                        if (order == 1)
                        {
                            break;
                        }
                    }
                }
            }
            return list;
        }

        /// <summary>The label tuples of the enumeration (sorted, admitted, able to carry an invariant), counted rather than listed.</summary>
        private void Recurse(List<LabelIndex> candidates, int order, int position, int firstCandidate, int nSum, int lSum, int nMax, int lMax, long mProducts)
        {
            if (position == order)
            {
                bool invariant = order == 1 ? lSum == 0 : lSum % 2 == 0 && 2 * lMax <= lSum;
                if (invariant)
                {
                    Functions = SaturatingAdd(Functions, _centers);
                    Nodes = SaturatingAdd(Nodes, SaturatingMultiply(mProducts, _centers));
                    Stopped = OverBudget;
                }
                return;
            }
            int remaining = order - position - 1;
            for (int i = firstCandidate; i < candidates.Count && !Stopped; i++)
            {
                var c = candidates[i];
                int ns = nSum + c.N, ls = lSum + c.L;
                if (!spec.Selection.AdmitsPartial(order, ns, ls, Math.Max(nMax, c.N), Math.Max(lMax, c.L), remaining))
                {
                    continue;
                }
                Recurse(candidates, order, position + 1, i, ns, ls, Math.Max(nMax, c.N), Math.Max(lMax, c.L), SaturatingMultiply(mProducts, 2L * c.L + 1));
            }
        }
    }
}
