using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.Serialization;
using Ace.Core.Sites;

namespace Ace.Core.Interop.Yace;

/// <summary>
/// A potential read from a .yace file (ML-PACE's C-tilde format, as pacemaker, ACEpotentials.jl and Ace.Core write it),
/// evaluated in .NET from the format's definition: complex harmonics, m-combinations, densities, embedding and core
/// repulsion, with analytic forces and virials. Radial functions are evaluated analytically (ML-PACE tabulates them on a
/// grid of <see cref="YaceDocument.DeltaSplineBins"/>, so the two differ by that interpolation); tabulated radials are
/// interpolated exactly as ML-PACE does. Immutable and thread-safe.
/// </summary>
public sealed class YacePotential : IPotential
{
    private readonly YaceSiteModel _model;
    private readonly SpeciesGeometry _geometry;

    /// <summary>Creates the potential of a document; <paramref name="path"/> (may be null) names it in errors.</summary>
    /// <exception cref="PotentialFormatException">The document is inconsistent (an unknown element symbol, a function that refers to a missing bond or radial function, ...).</exception>
    public YacePotential(YaceDocument document, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var symbol in document.Elements)
        {
            if (!Element.TryFromSymbol(symbol, out _))
            {
                throw new PotentialFormatException(path, $"'elements': '{symbol}' is not a chemical element symbol (H ... Og, standard capitalisation)");
            }
        }
        Document = document;
        _model = new YaceSiteModel(document, path);
        _geometry = new SpeciesGeometry(document.Elements, (a, b) => Math.Max(_model.Cutoff(a, b), _model.Cutoff(b, a)), "the potential");
    }

    /// <summary>Reads and compiles a .yace file.</summary>
    /// <exception cref="PotentialFormatException">The file is not a consistent .yace document.</exception>
    public static YacePotential Load(string path) => new(YaceReader.Read(path), path);

    /// <summary>The document the potential was built from.</summary>
    public YaceDocument Document { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Elements => Document.Elements;

    /// <inheritdoc/>
    public double Cutoff => _model.MaxCutoff;

    /// <inheritdoc/>
    public double Energy(Structure structure) => Evaluate(structure, withForces: false).Energy;

    /// <inheritdoc/>
    public PotentialEvaluation Evaluate(Structure structure) => Evaluate(structure, withForces: true);

    private PotentialEvaluation Evaluate(Structure structure, bool withForces)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var sites = _geometry.Neighbourhoods(structure, () => structure.ToString(), Structure.DefaultMinimumSeparation);
        int n = sites.AtomCount;
        var siteEnergies = new double[n];
        var dEdr = withForces ? new Vec3[sites.PairCount] : [];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = n >= LinearAcePotential.ParallelAtomThreshold ? -1 : 1 }, i =>
        {
            siteEnergies[i] = _model.Evaluate(sites.AtomSpecies[i], sites.Displacements(i), sites.NeighbourSpecies(i),
                withForces ? dEdr.AsSpan(sites.Offset(i), sites.NeighbourCount(i)) : []);
        });
        return sites.Assemble(siteEnergies, dEdr, withForces);
    }
}
