using SciaticaRelief.Core.Clinical;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Safety;
using SciaticaRelief.Core.Tests.PointCharts;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Safety;

/// <summary>One reason a surface gave for an item, in its words, with its source.</summary>
public sealed record SeenReason(string Text, string Source);

/// <summary>
/// What a surface did with one item (a modality, a point or a kind of device): left it out
/// (recording surfaces: warned that it is not advised), offered or recorded it with precautions,
/// or offered it plainly.
/// </summary>
public sealed record Seen(SafetyLevel Level, IReadOnlyList<SeenReason> Reasons);

/// <summary>
/// Runs one surface for one health condition on the shipped content, at triage level SelfCare
/// (the Web layer pauses everything at Urgent or Emergency), with preferences that exclude nothing,
/// and reads what it did into one shape for the safety matrix: item id → <see cref="Seen"/>.
/// Each surface is called as its page or API would call it.
/// </summary>
public static class SurfaceProbe
{
    private static ModalityCatalog Modalities => TreatmentContent.Catalog;

    private static PointCatalog Points => PointContent.Catalog;

    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyDictionary<string, Seen> View(CareSurface surface, HealthCondition condition) => surface switch
    {
        CareSurface.Recommendations => Recommendations(condition),
        CareSurface.AcupressureRoutine => Routine(condition),
        CareSurface.MachineChooser => Machines(condition),
        CareSurface.EarSeeds => EarSeeds(condition),
        CareSurface.PointCharts => Chart(Points.ForConditions(condition)),
        CareSurface.HomeCareAssignment => Assignment(condition),
        CareSurface.TreatmentLog => TreatmentLog(condition),
        CareSurface.SessionNote => SessionNote(condition),
    };

    private static Dictionary<string, Seen> Recommendations(HealthCondition condition)
    {
        var r = RecommendationEngine.Recommend(new RecommendationInput(TriageLevel.SelfCare, condition,
            new CarePreferences(5, SettingPreference.Either, CostTier.High, 600), Modalities.All, []));
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var x in r.Ranked)
        {
            Add(view, x.ModalityId, Offered(x.Precautions.Select(p => new SeenReason(p.Text, p.Source))));
        }
        foreach (var e in r.NotForYou)
        {
            Assert.True(e.Source != RecommendationEngine.PreferencesSource, $"{e.ModalityId}: the probe's preferences must exclude nothing");
            Add(view, e.ModalityId, new Seen(SafetyLevel.Refused, [new(e.Reason, e.Source)])); // throws when also ranked
        }
        return view;
    }

    private static Dictionary<string, Seen> Routine(HealthCondition condition)
    {
        var routine = AcupressureRoutineBuilder.Build(Points, condition, Modalities.Find("self-acupressure"));
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var s in routine.Steps)
        {
            Add(view, s.Point.Id, Offered(s.Precautions.Concat(routine.Precautions).Select(p => new SeenReason(p.Text, p.Source))));
        }
        foreach (var h in routine.Hidden)
        {
            Add(view, h.Point.Id, new Seen(SafetyLevel.Refused, [new(h.Reason, h.Source)]));
        }
        return view;
    }

    private static Dictionary<string, Seen> Machines(HealthCondition condition)
    {
        var choice = MachineChooser.Choose(new MachineQuestions(MachineChooser.AllAreas, 5, CostTier.High, WantHeat: true, condition), Modalities.All);
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var s in choice.Suggested)
        {
            Add(view, s.Id, Offered(s.Precautions.Select(p => new SeenReason(p.Text, p.Source))));
        }
        foreach (var e in choice.NotSuggested)
        {
            Assert.True(e.Source != RecommendationEngine.PreferencesSource, $"{e.Id}: the probe's answers must exclude nothing");
            Add(view, e.Id, new Seen(SafetyLevel.Refused, [new(e.Reason, e.Source)]));
        }
        return view;
    }

    private static Dictionary<string, Seen> EarSeeds(HealthCondition condition)
    {
        var chart = EarSeedCycle.Chart(Points, Modalities, condition);
        return Chart(chart, chart.Precautions);
    }

    private static Dictionary<string, Seen> Chart(PointChart chart, IReadOnlyList<Precaution>? shared = null)
    {
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var p in chart.Shown)
        {
            Add(view, p.Point.Id, Offered(p.Precautions.Concat(shared ?? []).Select(x => new SeenReason(x.Text, x.Source))));
        }
        foreach (var h in chart.Hidden)
        {
            Add(view, h.Point.Id, new Seen(SafetyLevel.Refused, [new(h.Reason, h.Source)]));
        }
        return view;
    }

    /// <summary>Each home routine alone; each body point as self-acupressure on that point; each ear point as ear-seed presses on it.</summary>
    private static Dictionary<string, Seen> Assignment(HealthCondition condition)
    {
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var m in PlanItemValidator.HomeRoutines(Modalities))
        {
            Add(view, m.Id, Checked(PlanItemValidator.CheckSafety(PlanItemKind.HomeRoutine, m.Id, [], condition, Modalities, Points)));
        }
        foreach (var p in Points.Body)
        {
            Add(view, p.Id, Checked(PlanItemValidator.CheckSafety(PlanItemKind.HomeRoutine, "self-acupressure", [p.Id], condition, Modalities, Points)));
        }
        foreach (var p in Points.Ear)
        {
            Add(view, p.Id, Checked(PlanItemValidator.CheckSafety(PlanItemKind.EarSeedPresses, null, [p.Id], condition, Modalities, Points)));
        }
        return view;
    }

    private static Seen Checked(HomeCareSafety check)
    {
        var errors = check.Errors.For("modalityId").Concat(check.Errors.For("points")).ToList();
        return errors.Count > 0
            ? new Seen(SafetyLevel.Refused, [.. errors.Select(e => new SeenReason(e, e))]) // the error's words carry the source
            : Offered(check.Precautions.Select(p => new SeenReason(p.Text, p.Source)));
    }

    /// <summary>A treatment of each modality (where it was applied not given), and a self-acupressure run pressing each body point.</summary>
    private static Dictionary<string, Seen> TreatmentLog(HealthCondition condition)
    {
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        var profile = new Profile { Conditions = condition, RegionCode = "GB" };
        foreach (var m in Modalities.All)
        {
            var t = new Treatment { ModalityId = m.Id, Kind = m.Kind, StartedAtUtc = At };
            var warnings = TreatmentWarnings.For(t, profile, [], TreatmentContent.Labels, TimeZoneInfo.Utc, Modalities, Points);
            Assert.All(warnings, w => Assert.StartsWith($"CONTRA:{m.Id}:", w.RuleId, StringComparison.Ordinal)); // a plain treatment has no side effects
            Add(view, m.Id, Warned(warnings));
        }
        foreach (var p in Points.Body)
        {
            var t = new Treatment { ModalityId = "self-acupressure", Kind = TreatmentKind.Acupressure, StartedAtUtc = At, Points = [new PointPressed(p.Id, PointFeeling.DullAche, 60)] };
            var warnings = TreatmentWarnings.For(t, profile, [], TreatmentContent.Labels, TimeZoneInfo.Utc, Modalities, Points);
            Add(view, p.Id, Warned(warnings.Where(w => w.RuleId.StartsWith($"CONTRA:{p.Id}:", StringComparison.Ordinal))));
        }
        return view;
    }

    /// <summary>A note naming each therapist technique alone (areas not given).</summary>
    private static Dictionary<string, Seen> SessionNote(HealthCondition condition)
    {
        var view = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (var m in SessionNoteValidator.Techniques(Modalities))
        {
            Add(view, m.Id, Warned(SessionNoteValidator.SafetyWarnings([m.Id], [], condition, Modalities)));
        }
        return view;
    }

    private static Seen Offered(IEnumerable<SeenReason> reasons)
    {
        var list = reasons.Distinct().ToList();
        return new Seen(list.Count == 0 ? SafetyLevel.Allowed : SafetyLevel.Caution, list);
    }

    private static Seen Warned(IEnumerable<TreatmentWarning> warnings)
    {
        var list = warnings.ToList();
        var level = list.Any(w => w.Level == WarningLevel.Warning) ? SafetyLevel.Refused
            : list.Count > 0 ? SafetyLevel.Caution
            : SafetyLevel.Allowed;
        return new Seen(level, [.. list.Select(w => new SeenReason(w.Message, w.Source))]);
    }

    private static void Add(Dictionary<string, Seen> view, string id, Seen seen)
    {
        // An item is never both offered and left out on one surface.
        Assert.True(view.TryAdd(id, seen), $"\"{id}\" appears twice on one surface (offered and excluded?)");
    }
}
