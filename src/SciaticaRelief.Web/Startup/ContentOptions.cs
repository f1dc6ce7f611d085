using System.ComponentModel.DataAnnotations;

namespace SciaticaRelief.Web.Startup;

/// <summary>
/// Where the content files are (section "Content"): the repository's content/ folder, copied beside
/// the app at build. A clinic may point it at its own reviewed copy.
/// </summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    [Required]
    public string Folder { get; set; } = Path.Combine(AppContext.BaseDirectory, "content");

    /// <summary>A subfolder of the content folder, e.g. "modalities".</summary>
    public string PathOf(string subfolder) => Path.Combine(Folder, subfolder);
}
