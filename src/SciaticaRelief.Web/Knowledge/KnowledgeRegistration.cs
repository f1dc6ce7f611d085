using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.Knowledge;

/// <summary>
/// The knowledge base (content/topics and content/modalities), read once into a singleton. The
/// modality catalogue comes from it, and the treatment content check loads it while the host
/// starts, so a broken file stops the start with a message naming the file and line.
/// </summary>
public static class KnowledgeRegistration
{
    public const string TopicsFolder = "topics";
    public const string ModalitiesFolder = "modalities";

    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddSingleton(sp => Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        return services;
    }

    public static KnowledgeBase Load(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KnowledgeBase.Load(Files(options, TopicsFolder), Files(options, ModalitiesFolder));
    }

    /// <summary>The .md files of a content subfolder, named "folder/file.md" in messages.</summary>
    private static List<ContentFile> Files(ContentOptions options, string subfolder)
    {
        var folder = options.PathOf(subfolder);
        if (!Directory.Exists(folder))
        {
            throw new ContentException($"The content folder {folder} does not exist (Content:Folder).");
        }
        return Directory.GetFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
            .Select(f => new ContentFile(Path.Combine(subfolder, Path.GetFileName(f)), File.ReadAllText(f)))
            .ToList();
    }
}
