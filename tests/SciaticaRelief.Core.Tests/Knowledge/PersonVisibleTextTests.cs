using System.Text.RegularExpressions;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Questionnaires;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Tests.PointCharts;
using SciaticaRelief.Core.Tests.Questionnaires;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Knowledge;

/// <summary>
/// Text a Person reads never points at the team's internal files (CLINICAL.md, DOMAIN.md,
/// PRODUCT.md), at a "section 4" of one of them, or at an internal rule id such as R-NOT-IMPROVING:
/// a Person cannot open those. A page gives the reason in words and the real publication instead.
/// Every shipped content file and the source strings written in code are checked, each finding
/// naming its file and field.
/// </summary>
public sealed partial class PersonVisibleTextTests
{
    /// <summary>One piece of text a Person can see, and where it comes from ("modalities/heat.md: contraindications[0].source").</summary>
    public sealed record Shown(string Where, string Text);

    // The team's own documents, by name.
    [GeneratedRegex(@"\b(?:CLINICAL|DOMAIN|PRODUCT)\.md\b", RegexOptions.IgnoreCase)]
    private static partial Regex InternalFile();

    // "section 4", "section 5, not verified": a section of a document the Person cannot open. A
    // range ("each section 0–5" in a scoring rule) is a count of points, not a reference.
    [GeneratedRegex(@"\bsection\s+\d+\b(?!\s*[–-]\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex SectionReference();

    // Rule ids: R-NOT-IMPROVING, EAR-OVERDUE, E-CES-SADDLE.
    [GeneratedRegex(@"\b[A-Z]{1,6}(?:-[A-Z]{2,})+\b")]
    private static partial Regex RuleId();

    /// <summary>What is wrong with <paramref name="text"/>, or null when a Person may read it.</summary>
    public static string? Problem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (InternalFile().Match(text) is { Success: true } file)
        {
            return $"names the internal file \"{file.Value}\"";
        }
        if (SectionReference().Match(text) is { Success: true } section)
        {
            return $"refers to \"{section.Value}\" of an internal document";
        }
        if (RuleId().Match(text) is { Success: true } id)
        {
            return $"shows the internal rule id \"{id.Value}\"";
        }
        return null;
    }

    public sealed record CheckRow(string Text, bool Flagged, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<CheckRow> CheckRows { get; } = new()
    {
        new("Massage precautions from professional sources (CLINICAL.md section 4) [P]", true, "the file the Person was told to read"),
        new("see clinical.md", true, "the file name in any case"),
        new("Label daily maximums (section 7, to be checked against the current label)", true, "a section without the file name"),
        new("as DOMAIN.md says", true, "another internal document"),
        new("PRODUCT.md, What triage does", true, "another internal document"),
        new("Fired: R-NOT-IMPROVING", true, "a triage rule id"),
        new("EAR-OVERDUE", true, "an ear-seed rule id"),
        new("E-CES-SADDLE", true, "a one-letter prefix rule id"),
        new("Fairbank JCT, Pynsent PB. Spine 2000;25:2940–52: each section 0–5", false, "a range of points in a scoring rule is not a reference"),
        new("Chinese standard GB/T 13734-2008 (auricular points)", false, "a standard's number"),
        new("Points traditionally avoided in pregnancy (LI4, SP6, BL60, BL67, GB21, BL31-BL34)", false, "a range of point codes"),
        new("Yeh et al. 2012, doi:10.1155/2012/383257", false, "a DOI"),
        new("NICE guideline NG59: Low back pain and sciatica in over 16s", false, "a guideline number"),
        new("Keele STarT Back screening tool", false, "mixed-case names"),
    };

    [Theory]
    [MemberData(nameof(CheckRows))]
    public void Problem_FlagsInternalReferencesOnly(CheckRow row)
    {
        Assert.Equal(row.Flagged, Problem(row.Text) is not null);
    }

    public static IEnumerable<Shown> Topics()
    {
        foreach (var t in TreatmentContent.Knowledge.Topics)
        {
            var at = "topics/" + t.File;
            yield return new($"{at}: title", t.Title);
            yield return new($"{at}: summary", t.Summary);
            yield return new($"{at}: body", t.Body);
            foreach (var s in Citations($"{at}: sources", t.Sources))
            {
                yield return s;
            }
        }
    }

    public static IEnumerable<Shown> Modalities()
    {
        foreach (var m in TreatmentContent.Catalog.All)
        {
            var at = "modalities/" + m.File;
            yield return new($"{at}: name", m.Name);
            yield return new($"{at}: summary", m.Summary);
            yield return new($"{at}: body", m.Body);
            if (m.Knowledge is not { } k)
            {
                continue;
            }
            yield return new($"{at}: technique", k.Technique);
            foreach (var (target, i) in k.Targets.Select((x, i) => (x, i)))
            {
                yield return new($"{at}: targets[{i}]", target);
            }
            yield return new($"{at}: evidence.summary", k.Evidence.Summary);
            foreach (var s in Citations($"{at}: evidence.sources", k.Evidence.Sources))
            {
                yield return s;
            }
            foreach (var (rule, i) in k.Contraindications.Select((x, i) => (x, i)))
            {
                yield return new($"{at}: contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).reason", rule.Reason);
                yield return new($"{at}: contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).source", rule.Source);
                if (rule.Where is not null)
                {
                    yield return new($"{at}: contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).where", rule.Where);
                }
            }
        }
    }

    public static IEnumerable<Shown> Points()
    {
        var files = PointContent.Files();
        string FileWith(string line) => files.FirstOrDefault(f => f.Text.Contains(line, StringComparison.Ordinal))?.Name ?? "points/?";
        var catalog = PointContent.Catalog;
        foreach (var p in catalog.All)
        {
            var at = $"{FileWith("id: " + p.Id + "\n")}: points[{p.Id}]";
            yield return new($"{at}.name", p.Name);
            yield return new($"{at}.where", p.Where);
            yield return new($"{at}.source", p.Source);
            yield return new($"{at}.system", p.System);
            foreach (var (caution, i) in p.Cautions.Select((x, i) => (x, i)))
            {
                yield return new($"{at}.cautions[{i}]", caution);
            }
            foreach (var (rule, i) in p.Contraindications.Select((x, i) => (x, i)))
            {
                yield return new($"{at}.contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).reason", rule.Reason);
                yield return new($"{at}.contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).source", rule.Source);
                if (rule.Where is not null)
                {
                    yield return new($"{at}.contraindications[{i}] ({HealthConditions.IdOf(rule.Condition)}).where", rule.Where);
                }
            }
        }
        yield return new($"{FileWith("forbidden_in_pregnancy:")}: forbidden_in_pregnancy.source", catalog.Pregnancy.Source);
        foreach (var d in catalog.Dermatomes)
        {
            var at = $"{FileWith("root: " + d.Root + "\n")}: dermatomes[{d.Root}]";
            yield return new($"{at}.where", d.Where);
            yield return new($"{at}.source", d.Source);
        }
    }

    public static IEnumerable<Shown> LabelMaximums()
    {
        const string At = "medicines/label-maximums.yaml";
        foreach (var i in TreatmentContent.Labels.Ingredients)
        {
            yield return new($"{At}: ingredients[{i.Id}].name", i.Name);
            foreach (var m in i.Maximums)
            {
                yield return new($"{At}: ingredients[{i.Id}].maximums[{m.Region}].source", m.Source);
                if (m.Note is not null)
                {
                    yield return new($"{At}: ingredients[{i.Id}].maximums[{m.Region}].note", m.Note);
                }
            }
        }
    }

    /// <summary>The scoring definitions' citations and notices: the questionnaire pages show them ("Scoring: ...").</summary>
    public static IEnumerable<Shown> Scoring()
    {
        foreach (var path in Directory.GetFiles(Definitions.Folder, "*" + ScoringDefinitionReader.Suffix).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var (read, errors) = ScoringDefinitionReader.Read(File.ReadAllText(path), name);
            var d = read ?? throw new InvalidOperationException(string.Join("\n", errors));
            var at = "questionnaires/" + name;
            yield return new($"{at}: title", d.Title);
            yield return new($"{at}: source", d.Source);
            if (d.Notice is not null)
            {
                yield return new($"{at}: notice", d.Notice);
            }
            if (d.ImportantChange?.Source is { } change)
            {
                yield return new($"{at}: importantChange.source", change);
            }
            foreach (var b in d.Bands)
            {
                yield return new($"{at}: bands[{b.Id}].label", b.Label);
            }
        }
    }

    /// <summary>Messages and sources written in code: the warnings, routines and the machine chooser show them as they are.</summary>
    public static IEnumerable<Shown> CodeConstants()
    {
        foreach (var r in EarSeedRules.All)
        {
            yield return new($"Treatments/EarSeeds.cs: EarSeedRules[{r.Id}].Message", r.Message);
            yield return new($"Treatments/EarSeeds.cs: EarSeedRules[{r.Id}].Source", r.Source);
        }
        foreach (var r in SideEffectRules.All)
        {
            yield return new($"Treatments/SideEffectRules.cs: SideEffectRules[{r.Id}].Message", r.Message);
            yield return new($"Treatments/SideEffectRules.cs: SideEffectRules[{r.Id}].Source", r.Source);
        }
        foreach (var r in TriageRules.All)
        {
            yield return new($"Triage/TriageRules.cs: TriageRules[{r.Id}].Reason", r.Reason);
            yield return new($"Triage/TriageRules.cs: TriageRules[{r.Id}].Source", r.Source);
        }
        yield return new("PointCharts/AcupressureRoutine.cs: StopAdvice", AcupressureRoutine.StopAdvice);
        yield return new("PointCharts/AcupressureRoutine.cs: StopSource", AcupressureRoutine.StopSource);
        yield return new("PointCharts/AcupressureRoutine.cs: DoseAdvice", AcupressureRoutine.DoseAdvice);
        yield return new("PointCharts/EarSeedCycle.cs: Source", EarSeedCycle.Source);
        foreach (var (step, i) in EarSeedCycle.Steps.Select((x, i) => (x, i)))
        {
            yield return new($"PointCharts/EarSeedCycle.cs: Steps[{i}]", step);
        }

        // Every condition and every area: the devices' refusals and precautions all come from the
        // content (checked above); what the chooser writes itself (why, what to look for, safe use) is checked here.
        var everything = HealthConditions.All.Aggregate(HealthCondition.None, (all, c) => all | c.Condition);
        var choice = MachineChooser.Choose(new MachineQuestions(MachineChooser.AllAreas, 5, CostTier.High, WantHeat: true, everything), TreatmentContent.Catalog.All);
        Assert.Contains(choice.NotSuggested, e => e.Id == "percussion-massage-gun");
        foreach (var e in choice.NotSuggested)
        {
            yield return new($"Recommendations/MachineChooser.cs: NotSuggested[{e.Id}].Reason", e.Reason);
            yield return new($"Recommendations/MachineChooser.cs: NotSuggested[{e.Id}].Source", e.Source);
        }
        foreach (var (text, i) in MachineChooser.Devices.SelectMany(d => d.LookFor.Concat(d.SafeUse)).Select((x, i) => (x, i)))
        {
            yield return new($"Recommendations/MachineChooser.cs: Devices text {i}", text);
        }
        yield return new("Safety/CareSafety.cs: NoRulesReason", Core.Safety.CareSafety.NoRulesReason);
        yield return new("PointCharts/PointCatalog.cs: PregnancyReason", PointCatalog.PregnancyReason);
        yield return new("PointCharts/AcupressureRoutine.cs: LightStepNote", AcupressureRoutineBuilder.LightStepNote);
        yield return new("PointCharts/AcupressureRoutine.cs: ModerateStepNote", AcupressureRoutineBuilder.ModerateStepNote);
        foreach (var s in choice.Suggested)
        {
            foreach (var (text, i) in s.Why.Concat(s.LookFor).Concat(s.HowToUseSafely).Select((x, i) => (x, i)))
            {
                yield return new($"Recommendations/MachineChooser.cs: Suggested[{s.Id}] text {i}", text);
            }
        }
    }

    private static IEnumerable<Shown> Citations(string at, IReadOnlyList<Citation> sources)
    {
        foreach (var (s, i) in sources.Select((x, i) => (x, i)))
        {
            yield return new($"{at}[{i}].text", s.Text);
        }
    }

    public static TheoryData<string> Groups() => new() { "topics", "modalities", "points", "label maximums", "scoring", "code" };

    private static IEnumerable<Shown> Group(string group) => group switch
    {
        "topics" => Topics(),
        "modalities" => Modalities(),
        "points" => Points(),
        "label maximums" => LabelMaximums(),
        "scoring" => Scoring(),
        "code" => CodeConstants(),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void ShippedText_NeverPointsAtInternalDocumentsOrRuleIds(string group)
    {
        var shown = Group(group).ToList();

        Assert.NotEmpty(shown); // a loader that found nothing would pass vacuously
        var problems = shown
            .Select(s => (s.Where, s.Text, Problem: Problem(s.Text)))
            .Where(s => s.Problem is not null)
            .Select(s => $"{s.Where} {s.Problem}: \"{Excerpt(s.Text)}\"")
            .ToList();
        Assert.True(problems.Count == 0,
            $"{problems.Count} person-visible text(s) point at internal documents or ids; give the reason in words and the real source:\n  "
            + string.Join("\n  ", problems));
    }

    private static string Excerpt(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
