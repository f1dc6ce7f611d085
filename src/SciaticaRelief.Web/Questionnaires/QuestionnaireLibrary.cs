using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.Questionnaires;

/// <summary>
/// Where a clinic's licensed questionnaires are (section "Questionnaires"). The shipped instruments
/// are in the content folder's questionnaires/; this folder adds the Questionnaire JSON of licensed
/// instruments (and may replace a shipped scoring file). Checked at start: a bad file stops the app
/// with messages naming the file and the item.
/// </summary>
public sealed class QuestionnaireOptions
{
    public const string Section = "Questionnaires";

    /// <summary>A folder of FHIR R4 Questionnaire JSON files the clinic holds licences for; empty for none.</summary>
    public string? LicensedFolder { get; set; }
}

/// <summary>Reads the definition files from disk and builds the catalog once (the files do not change while the app runs).</summary>
public sealed class QuestionnaireLibrary(IOptions<ContentOptions> content, IOptions<QuestionnaireOptions> options)
{
    public const string Subfolder = "questionnaires";

    private readonly Lazy<InstrumentCatalog> _catalog = new(() => Load(content.Value, options.Value));

    public InstrumentCatalog Catalog => _catalog.Value;

    public static InstrumentCatalog Load(ContentOptions content, QuestionnaireOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<DefinitionFile>();
        var problems = new List<string>();
        var shipped = content.PathOf(Subfolder);
        if (Directory.Exists(shipped))
        {
            files.AddRange(Read(shipped, licensed: false));
        }
        else
        {
            problems.Add($"The shipped questionnaires folder {shipped} does not exist.");
        }
        if (!string.IsNullOrWhiteSpace(options.LicensedFolder))
        {
            if (Directory.Exists(options.LicensedFolder))
            {
                files.AddRange(Read(options.LicensedFolder, licensed: true));
            }
            else
            {
                problems.Add($"Questionnaires:LicensedFolder {options.LicensedFolder} does not exist.");
            }
        }
        var catalog = InstrumentCatalog.Build(files);
        return problems.Count == 0 ? catalog : catalog.WithErrors(problems);
    }

    private static IEnumerable<DefinitionFile> Read(string folder, bool licensed) =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => new DefinitionFile(Path.GetFileName(path), File.ReadAllText(path), licensed));
}

/// <summary>Fails the start (ValidateOnStart) with every definition-file error, each naming its file and item.</summary>
public sealed class QuestionnaireOptionsValidator(IOptions<ContentOptions> content) : IValidateOptions<QuestionnaireOptions>
{
    public ValidateOptionsResult Validate(string? name, QuestionnaireOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(content.Value.Folder))
        {
            return ValidateOptionsResult.Skip; // ContentOptions reports the missing content folder
        }
        var errors = QuestionnaireLibrary.Load(content.Value, options).Errors;
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(["The questionnaire definitions have errors (fix them and start again)", .. errors]);
    }
}
