namespace Ace.Core.Fitting;

/// <summary>How the energy (and virial) rows of a structure with N atoms are scaled before weighting.</summary>
public enum EnergyScaling
{
    /// <summary>(E - Ehat) / N: the error per atom, as pacemaker and the study report it (the default).</summary>
    PerAtom,

    /// <summary>(E - Ehat) / sqrt(N): the ACEpotentials.jl (ACEfit) convention.</summary>
    PerSqrtAtom,
}
