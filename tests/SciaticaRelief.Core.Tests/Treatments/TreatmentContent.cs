using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

/// <summary>The repository's own knowledge base (topics and modalities) and label maximums, read once for the tests.</summary>
internal static class TreatmentContent
{
    private static readonly Lazy<KnowledgeBase> LazyKnowledge = new(() => KnowledgeBase.Load(Files("topics"), Files("modalities")));

    private static readonly Lazy<LabelMaximums> LazyLabels = new(() =>
        LabelMaximums.Load("label-maximums.yaml", File.ReadAllText(Path.Combine(Folder("medicines"), "label-maximums.yaml"))));

    /// <summary>The modality catalogue, read as part of the knowledge base (modalities link to topics).</summary>
    public static ModalityCatalog Catalog => LazyKnowledge.Value.Modalities;

    public static KnowledgeBase Knowledge => LazyKnowledge.Value;

    private static List<ContentFile> Files(string folder) =>
        Directory.GetFiles(Folder(folder), "*.md").Select(f => new ContentFile(Path.GetFileName(f), File.ReadAllText(f))).ToList();

    public static LabelMaximums Labels => LazyLabels.Value;

    /// <summary>A folder of the repository's content/, found upward from the test's output folder.</summary>
    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content", name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "content", "README.md")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"content/{name} not found above " + AppContext.BaseDirectory);
    }
}
