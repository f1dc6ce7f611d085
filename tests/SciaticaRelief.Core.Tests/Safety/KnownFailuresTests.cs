using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Tests.PointCharts;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Safety;

/// <summary>
/// The safety failures found in review, one row each, on the shipped content: each row failed
/// before the fix and must keep passing. The safety matrix covers the same ground for every
/// condition and surface; these rows keep the exact reports readable.
/// </summary>
public sealed class KnownFailuresTests
{
    public sealed record Row(string Why, Action Check)
    {
        public override string ToString() => Why;
    }

    private static IReadOnlyList<Modalities.Modality> Catalog => TreatmentContent.Catalog.All;

    private static RecommendationResult Recommend(HealthCondition conditions) =>
        RecommendationEngine.Recommend(new RecommendationInput(TriageLevel.SelfCare, conditions,
            new CarePreferences(5, SettingPreference.Either, CostTier.High, 60), Catalog, []));

    private static MachineChoice Choose(PainArea areas, HealthCondition conditions, bool heat = false) =>
        MachineChooser.Choose(new MachineQuestions(areas, 5, CostTier.High, heat, conditions), Catalog);

    private static readonly Row[] Rows =
    [
        new("1a. a possible clot: the acupressure routine must not guide pressure on BL40 or BL57 (leg points); GB30 and the back stay", () =>
        {
            var routine = AcupressureRoutineBuilder.Build(PointContent.Catalog, HealthCondition.SuspectedClot);
            Assert.DoesNotContain(routine.Steps, s => s.Point.Id is "bl40" or "bl57");
            Assert.Contains(routine.Hidden, h => h.Point.Id == "bl57" && h.Reason.Contains("clot", StringComparison.Ordinal));
            Assert.Contains(routine.Steps, s => s.Point.Id == "gb30");
        }),
        new("1b. a possible clot: the machine chooser must not suggest a device for leg pain ('made for the leg')", () =>
        {
            var choice = Choose(PainArea.Leg, HealthCondition.SuspectedClot);
            Assert.Empty(choice.Suggested);
            Assert.Contains(choice.NotSuggested, e => e.Id == "percussion-massage-gun" && e.Reason.Contains("clot", StringComparison.Ordinal));
        }),
        new("2a. reduced sensation: the chooser must not offer warmth as a reason (burn risk), nor the foot massager for feet that may not feel heat", () =>
        {
            var choice = Choose(MachineChooser.AllAreas, HealthCondition.ReducedSensation, heat: true);
            Assert.DoesNotContain(choice.Suggested, s => s.Why.Any(w => w.Contains("It gives warmth", StringComparison.Ordinal)));
            Assert.DoesNotContain(choice.Suggested, s => s.Id == "foot-massager");
        }),
        new("2b. a skin lesion or infection: every device the chooser suggests says not over the wound, rash or infected skin", () =>
        {
            var choice = Choose(MachineChooser.AllAreas, HealthCondition.SkinLesionOrInfection);
            Assert.NotEmpty(choice.Suggested);
            Assert.All(choice.Suggested, s => Assert.Contains(s.HowToUseSafely, t => t.Contains("infected skin", StringComparison.Ordinal)));
        }),
        new("3. anticoagulants: neuromuscular massage (firm, held pressure) is vigorous massage and is not ranked; Swedish stays", () =>
        {
            var r = Recommend(HealthCondition.AnticoagulantsOrBleedingDisorder);
            Assert.DoesNotContain(r.Ranked, x => x.ModalityId == "neuromuscular-massage");
            Assert.Contains(r.NotForYou, e => e.ModalityId == "neuromuscular-massage" && e.Source.Contains("Batavia", StringComparison.Ordinal));
            Assert.Contains(r.Ranked, x => x.ModalityId == "swedish-massage");
        }),
        new("4. anticoagulants: logging a percussion massage gun gives a warning with its reason and source", () =>
        {
            var treatment = new Treatment { ModalityId = "percussion-massage-gun", Kind = TreatmentKind.Machine, Intensity = 2, StartedAtUtc = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc) };
            var profile = new Profile { Conditions = HealthCondition.AnticoagulantsOrBleedingDisorder };
            // The warnings need the catalogues' rules: the overload without them cannot know the gun's.
            var warnings = TreatmentWarnings.For(treatment, profile, [], TreatmentContent.Labels, TimeZoneInfo.Utc, TreatmentContent.Catalog, PointContent.Catalog);
            Assert.Contains(warnings, w => w.Level == WarningLevel.Warning && w.Message.Contains("bleeding", StringComparison.Ordinal)
                && w.Source.Contains("Batavia", StringComparison.Ordinal));
        }),
        new("4b. anticoagulants: assigning a percussion massage gun as home care is refused with its reason and source; a vibration massager is assigned with a caution", () =>
        {
            var gun = PlanItemValidator.CheckSafety(PlanItemKind.HomeRoutine, "percussion-massage-gun", [], HealthCondition.AnticoagulantsOrBleedingDisorder, TreatmentContent.Catalog, PointContent.Catalog);
            var error = Assert.Single(gun.Errors.For("modalityId"));
            Assert.Contains("bleeding", error, StringComparison.Ordinal);
            Assert.Contains("Batavia", error, StringComparison.Ordinal);
            var vibration = PlanItemValidator.CheckSafety(PlanItemKind.HomeRoutine, "vibration-massager", [], HealthCondition.AnticoagulantsOrBleedingDisorder, TreatmentContent.Catalog, PointContent.Catalog);
            Assert.True(vibration.Errors.IsEmpty);
            Assert.Contains(vibration.Precautions, p => p.Text.Contains("bruises", StringComparison.Ordinal) && p.Source.Contains("Batavia", StringComparison.Ordinal));
        }),
        new("5. reduced sensation: heat is never both ranked and listed under not for you", () =>
        {
            var r = Recommend(HealthCondition.ReducedSensation);
            var both = r.Ranked.Select(x => x.ModalityId).Intersect(r.NotForYou.Select(e => e.ModalityId), StringComparer.Ordinal).ToList();
            Assert.Empty(both);
            Assert.Contains(r.Ranked.Single(x => x.ModalityId == "heat").Precautions, p => p.Text.StartsWith("Not on areas where feeling is reduced", StringComparison.Ordinal));
        }),
        new("6. a recent fracture is a health condition with the wire id recent-fracture", () =>
        {
            Assert.True(HealthConditions.TryParse("recent-fracture", out var fracture));
            Assert.Equal(1 << 11, (int)fracture);
        }),
    ];

    public static TheoryData<Row> Table => new(Rows);

    [Theory]
    [MemberData(nameof(Table))]
    public void KnownFailure_IsFixed(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Check();
    }
}
