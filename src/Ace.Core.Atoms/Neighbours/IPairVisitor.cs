using Ace.Core.Primitives;

namespace Ace.Core.Atoms;

/// <summary>Receives the pairs found by <see cref="CellListSearch"/>, atom by atom in increasing order of i.</summary>
internal interface IPairVisitor
{
    /// <summary>Called before the pairs of atom <paramref name="i"/>.</summary>
    void BeginAtom(int i);

    /// <summary>
    /// One pair: the image of atom <paramref name="j"/> shifted by <paramref name="shift"/> lies at
    /// <paramref name="displacement"/> = r_j + shift . cell - r_i, with squared length <paramref name="distanceSquared"/>.
    /// </summary>
    void Visit(int i, int j, ImageShift shift, Vec3 displacement, double distanceSquared);

    /// <summary>Called after the pairs of atom <paramref name="i"/>.</summary>
    void EndAtom(int i);
}
