using SciaticaRelief.Core.Interop.Fhir;

namespace SciaticaRelief.Core.Questionnaires;

/// <summary>A definition file's name and text, and whether it came from the clinic's licensed folder.</summary>
public sealed record DefinitionFile(string Name, string Text, bool FromLicensedFolder);

/// <summary>
/// The instruments of this install, built from the shipped content folder and the clinic's licensed
/// folder. Building never throws on a bad file: it collects every error (each naming its file and
/// item) so the app can refuse to start with all of them at once.
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, Instrument> _byId;

    private InstrumentCatalog(IReadOnlyList<Instrument> instruments, IReadOnlyList<string> errors)
    {
        Instruments = instruments;
        Errors = errors;
        _byId = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>Every instrument, answerable ones first, then by title.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>The same instruments with problems found outside the files (a missing folder) listed first.</summary>
    public InstrumentCatalog WithErrors(IReadOnlyList<string> first) => new(Instruments, [.. first, .. Errors]);

    public Instrument? Find(string? id) => id is not null && _byId.TryGetValue(id, out var i) ? i : null;

    public static InstrumentCatalog Build(IEnumerable<DefinitionFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        // A file in the licensed folder replaces the shipped file of the same name.
        var byName = new Dictionary<string, DefinitionFile>(StringComparer.Ordinal);
        foreach (var f in files.OrderBy(f => f.FromLicensedFolder))
        {
            byName[f.Name] = f;
        }

        var scorings = new Dictionary<string, (ScoringDefinition Definition, DefinitionFile File)>(StringComparer.Ordinal);
        foreach (var file in byName.Values.Where(f => f.Name.EndsWith(ScoringDefinitionReader.Suffix, StringComparison.Ordinal)))
        {
            var (definition, readErrors) = ScoringDefinitionReader.Read(file.Text, file.Name);
            errors.AddRange(readErrors);
            if (definition is not null)
            {
                scorings[definition.InstrumentId] = (definition, file);
            }
        }

        var broken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in byName.Values.Where(f => f.Name.EndsWith(ScoringVectors.Suffix, StringComparison.Ordinal)))
        {
            var id = file.Name[..^ScoringVectors.Suffix.Length];
            if (!scorings.TryGetValue(id, out var scoring))
            {
                if (!byName.ContainsKey(id + ScoringDefinitionReader.Suffix))
                {
                    errors.Add($"{file.Name}: there is no {id}{ScoringDefinitionReader.Suffix} for these vectors.");
                }
                continue;
            }
            var (cases, vectorErrors) = ScoringVectors.Read(file.Text, file.Name, scoring.Definition);
            var failures = ScoringVectors.Run(scoring.Definition, cases, file.Name);
            errors.AddRange(vectorErrors);
            errors.AddRange(failures);
            if (vectorErrors.Count > 0 || failures.Count > 0)
            {
                broken.Add(id); // a scoring that misses its worked examples scores nothing
            }
        }

        var questionnaires = new Dictionary<string, QuestionnaireDefinition>(StringComparer.Ordinal);
        foreach (var file in byName.Values.Where(IsQuestionnaireFile))
        {
            var id = file.Name[..^".json".Length];
            var (questionnaire, readErrors) = FhirQuestionnaireReader.Read(file.Text, file.Name);
            errors.AddRange(readErrors);
            if (questionnaire is null)
            {
                continue;
            }
            if (!string.Equals(questionnaire.Id, id, StringComparison.Ordinal))
            {
                errors.Add($"{file.Name}: the Questionnaire's id is \"{questionnaire.Id}\"; it must match the file name (\"{id}\").");
                continue;
            }
            if (!scorings.TryGetValue(id, out var scoring))
            {
                if (!byName.ContainsKey(id + ScoringDefinitionReader.Suffix))
                {
                    errors.Add($"{file.Name}: there is no scoring file {id}{ScoringDefinitionReader.Suffix} beside it.");
                }
                continue;
            }
            if (scoring.Definition.Licensed && !file.FromLicensedFolder)
            {
                errors.Add($"{file.Name}: {scoring.Definition.Title} is licensed; its item text must not ship with the app. Load it from Questionnaires:LicensedFolder.");
                continue;
            }
            var checkErrors = InstrumentChecker.Check(scoring.Definition, questionnaire, file.Name, scoring.File.Name);
            errors.AddRange(checkErrors);
            if (checkErrors.Count == 0 && !broken.Contains(id))
            {
                questionnaires[id] = questionnaire;
            }
        }

        var instruments = scorings.Values.Where(s => !broken.Contains(s.Definition.InstrumentId))
            .Select(s => new Instrument(s.Definition, questionnaires.GetValueOrDefault(s.Definition.InstrumentId)))
            .OrderByDescending(i => i.CanAnswer).ThenBy(i => i.Scoring.Licensed).ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();
        return new InstrumentCatalog(instruments, errors);
    }

    private static bool IsQuestionnaireFile(DefinitionFile f) =>
        f.Name.EndsWith(".json", StringComparison.Ordinal)
        && !f.Name.EndsWith(ScoringDefinitionReader.Suffix, StringComparison.Ordinal)
        && !f.Name.EndsWith(ScoringVectors.Suffix, StringComparison.Ordinal);
}
