#:package Ace.Core@ACE_VERSION
#:package Ace.Core.Studies@ACE_VERSION
#:property TreatWarningsAsErrors=true

// Consumer check (run by .ci/check-packages): a project outside the repository that restores the packed
// Ace.Core packages, fits a small potential, and checks that the symbols package's PDB matches the restored
// Ace.Core.dll and carries Source Link, so a debugger steps into the library's source.
// Usage: dotnet run consumer.cs -- PATH/Ace.Core.VERSION.snupkg
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Ace.Core;
using Ace.Core.Studies;

// 1. A small fit from the packages.
var data = SiliconStudyData.Generate("Si23");
var basis = LinearAce.Basis("Si").Cutoff(5.0).Radial(r0: 2.3).TotalDegree(10, 8).Build();
var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(data.Train);
var overall = fit.Errors(data.Validation).Overall;
Console.WriteLine($"consumer: fitted {basis.FunctionCount} functions; validation {overall}");
if (!double.IsFinite(overall.EnergyRmse))
{
    throw new InvalidOperationException("the fit from the packages gave a non-finite energy RMSE");
}

// 2. The symbols package holds the PDB of the restored Ace.Core.dll, with Source Link.
var library = Path.Combine(AppContext.BaseDirectory, "Ace.Core.dll");
using var pe = new PEReader(File.OpenRead(library));
var codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
var pdbId = new BlobContentId(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, codeView.Stamp);

using var snupkg = ZipFile.OpenRead(args[0]);
var entry = snupkg.GetEntry("lib/net10.0/Ace.Core.pdb") ?? throw new InvalidOperationException($"{args[0]} holds no lib/net10.0/Ace.Core.pdb");
using var pdbStream = new MemoryStream();
using (var s = entry.Open()) { s.CopyTo(pdbStream); }
pdbStream.Position = 0;
using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
var pdb = provider.GetMetadataReader();
if (new BlobContentId(pdb.DebugMetadataHeader!.Id) != pdbId)
{
    throw new InvalidOperationException($"the PDB in {args[0]} does not match {library}");
}
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
var sourceLink = pdb.CustomDebugInformation
    .Select(pdb.GetCustomDebugInformation)
    .Where(c => pdb.GetGuid(c.Kind) == sourceLinkKind)
    .Select(c => System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
    .SingleOrDefault() ?? throw new InvalidOperationException($"the PDB in {args[0]} has no Source Link");
if (!sourceLink.Contains("https://", StringComparison.Ordinal))
{
    throw new InvalidOperationException($"the Source Link of the PDB maps to no web URL: {sourceLink}");
}
Console.WriteLine($"consumer: PDB matches Ace.Core.dll; Source Link {sourceLink}");
