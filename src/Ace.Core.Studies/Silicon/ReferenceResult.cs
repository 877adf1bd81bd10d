using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Studies;

/// <summary>The energy, forces and virial a reference potential assigns to a structure.</summary>
/// <param name="Energy">The total energy in eV.</param>
/// <param name="Forces">The force on every atom in eV/Angstrom.</param>
/// <param name="Virial">The virial in eV (ASE convention: minus the strain derivative of the energy).</param>
public sealed record ReferenceResult(double Energy, ImmutableArray<Vec3> Forces, SymmetricTensor3 Virial);
