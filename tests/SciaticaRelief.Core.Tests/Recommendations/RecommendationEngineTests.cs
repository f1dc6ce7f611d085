using SciaticaRelief.Core.Insights;
using SciaticaRelief.Core.Knowledge;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Recommendations;
using SciaticaRelief.Core.Triage;
using static SciaticaRelief.Core.Tests.Recommendations.RecommendationFixture;

namespace SciaticaRelief.Core.Tests.Recommendations;

/// <summary>The recommendation rules of issue 4 part 3: one row per rule, each saying why it exists.</summary>
public sealed class RecommendationEngineTests
{
    public sealed record Row(string Why, RecommendationInput Input, Action<RecommendationResult> Check)
    {
        public override string ToString() => Why;
    }

    private static CarePreferences Prefs(int pressure = 5, SettingPreference setting = SettingPreference.Either, CostTier budget = CostTier.High, int minutes = 60) =>
        new(pressure, setting, budget, minutes);

    private static void NotForYou(RecommendationResult r, string id, string reasonPart)
    {
        var e = Assert.Single(r.NotForYou, e => e.ModalityId == id);
        Assert.Contains(reasonPart, e.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Source));
        Assert.DoesNotContain(r.Ranked, x => x.ModalityId == id);
    }

    private static Recommendation Ranked(RecommendationResult r, string id) => Assert.Single(r.Ranked, x => x.ModalityId == id);

    private static readonly Row[] Rows =
    [
        new("CLINICAL.md 1 / PRODUCT.md: an Emergency shows only the advice to seek care, no list and no exclusions",
            Input(TriageLevel.Emergency), r => { Assert.True(r.SeekCareOnly); Assert.Empty(r.Ranked); Assert.Empty(r.NotForYou); }),
        new("CLINICAL.md 1: an Urgent result pauses suggestions as an Emergency does",
            Input(TriageLevel.Urgent, HealthCondition.AnticoagulantsOrBleedingDisorder), r => { Assert.True(r.SeekCareOnly); Assert.Empty(r.Ranked); Assert.Empty(r.NotForYou); }),
        new("CLINICAL.md 1: a Routine appointment does not stop self-care, so suggestions go on",
            Input(TriageLevel.Routine), r => { Assert.False(r.SeekCareOnly); Assert.NotEmpty(r.Ranked); }),
        new("CLINICAL.md 3: medicine is information only and never recommended; a modality without knowledge is skipped",
            Input(), r =>
            {
                Assert.DoesNotContain(r.Ranked, x => x.ModalityId is "over-the-counter-medicine" or "other");
                Assert.DoesNotContain(r.NotForYou, x => x.ModalityId is "over-the-counter-medicine" or "other");
            }),
        new("CLINICAL.md 4: anticoagulants rule out deep tissue massage, with the content's reason and source",
            Input(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder),
            r => NotForYou(r, "deep-tissue-massage", "bleeding into the muscle")),
        new("CLINICAL.md 4: anticoagulants rule out percussion massage devices",
            Input(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder),
            r => NotForYou(r, "percussion-massage-gun", "bruising and bleeding")),
        new("CLINICAL.md 4: reduced sensation keeps heat off those areas only: heat stays ranked with the limit as its first precaution, and is not also under not for you",
            Input(conditions: HealthCondition.ReducedSensation), r =>
            {
                Assert.Equal("Not on skin with reduced feeling: You may not feel a burn.", Ranked(r, "heat").Precautions[0].Text);
                Assert.DoesNotContain(r.NotForYou, e => e.ModalityId == "heat");
            }),
        new("CLINICAL.md 4: reduced sensation keeps hot stone off those areas: a precaution of the ranked item",
            Input(conditions: HealthCondition.ReducedSensation), r =>
            {
                Assert.StartsWith("Not on areas with reduced feeling", Ranked(r, "hot-stone-massage").Precautions[0].Text, StringComparison.Ordinal);
                Assert.Empty(r.NotForYou);
            }),
        new("CLINICAL.md 4: a suspected clot keeps every massage off the leg: a precaution of each ranked massage, never an exclusion",
            Input(conditions: HealthCondition.SuspectedClot), r =>
            {
                Assert.Empty(r.NotForYou);
                Assert.Contains(Ranked(r, "deep-tissue-massage").Precautions, p => p.Text.StartsWith("Not on the leg", StringComparison.Ordinal));
                Assert.Contains(Ranked(r, "swedish-massage").Precautions, p => p.Text.StartsWith("Not on the leg", StringComparison.Ordinal));
            }),
        new("no Modality is ever both ranked and not for you, whatever the conditions",
            Input(conditions: HealthCondition.ReducedSensation | HealthCondition.SuspectedClot | HealthCondition.AnticoagulantsOrBleedingDisorder, prefs: Prefs(pressure: 3)), r =>
                Assert.Empty(r.Ranked.Select(x => x.ModalityId).Intersect(r.NotForYou.Select(e => e.ModalityId), StringComparer.Ordinal))),
        new("CLINICAL.md 4: pregnancy cautions become precautions that say to ask a clinician, not exclusions",
            Input(conditions: HealthCondition.Pregnancy), r =>
            {
                Assert.Empty(r.NotForYou);
                Assert.Contains(Ranked(r, "self-acupressure").Precautions, p => p.Text.Contains("Ask your clinician", StringComparison.Ordinal));
                Assert.Contains(Ranked(r, "heat").Precautions, p => p.Text.Contains("Warm, not hot", StringComparison.Ordinal));
            }),
        new("the article's rule: deep tissue too firm for the Person points to Swedish, and Swedish says it is the gentler option",
            Input(prefs: Prefs(pressure: 3)), r =>
            {
                NotForYou(r, "deep-tissue-massage", "try Swedish massage");
                Assert.Equal("swedish-massage", r.NotForYou.Single(e => e.ModalityId == "deep-tissue-massage").Instead);
                Assert.StartsWith("The gentler option", Ranked(r, "swedish-massage").Reasons[0], StringComparison.Ordinal);
            }),
        new("pressure tolerance: any modality firmer than the Person's tolerance goes to not for you (without pointing to Swedish)",
            Input(prefs: Prefs(pressure: 3)), r =>
            {
                NotForYou(r, "percussion-massage-gun", "more than you find comfortable");
                Assert.Null(r.NotForYou.Single(e => e.ModalityId == "percussion-massage-gun").Instead);
            }),
        new("pressure exactly at the tolerance is fine: only firmer is excluded",
            Input(prefs: Prefs(pressure: 4)), r => Ranked(r, "percussion-massage-gun")),
        new("a contraindication wins over pressure: the reason given is the safety one, and Swedish is not called the gentler option",
            Input(conditions: HealthCondition.AnticoagulantsOrBleedingDisorder, prefs: Prefs(pressure: 2)), r =>
            {
                NotForYou(r, "deep-tissue-massage", "bleeding");
                Assert.DoesNotContain(Ranked(r, "swedish-massage").Reasons, x => x.StartsWith("The gentler option", StringComparison.Ordinal));
            }),
        new("setting preference home: therapist modalities are not for you",
            Input(prefs: Prefs(setting: SettingPreference.Home)), r => NotForYou(r, "swedish-massage", "you prefer care at home")),
        new("setting preference therapist: home modalities are not for you, but staying active is advice for everyone (NICE NG59)",
            Input(prefs: Prefs(setting: SettingPreference.Therapist)), r =>
            {
                NotForYou(r, "heat", "you prefer care from a therapist");
                Ranked(r, "rest-and-staying-active");
            }),
        new("budget: a modality that costs more than the budget is not for you; one at the budget stays",
            Input(prefs: Prefs(budget: CostTier.Moderate)), r =>
            {
                NotForYou(r, "hot-stone-massage", "costs more (high) than your budget (moderate)");
                Ranked(r, "swedish-massage");
            }),
        new("minutes a day: a home session longer than the Person's time is not for you; therapist sessions are not counted against it",
            Input(prefs: Prefs(minutes: 12)), r =>
            {
                NotForYou(r, "heat", "at least 15 minutes");
                Ranked(r, "swedish-massage");
                Ranked(r, "self-acupressure");
            }),
        new("ranking by evidence grade: moderate before low before very low before insufficient, ties by name",
            Input(), r => Assert.Equal(
                ["heat", "rest-and-staying-active", "self-acupressure", "swedish-massage", "deep-tissue-massage", "percussion-massage-gun", "hot-stone-massage"],
                r.Ranked.Select(x => x.ModalityId))),
        new("personal results reorder within a grade once n >= 5, and are cited with the compared-with-days-without-it words",
            Input(results: [Own("swedish-massage", 6, -1.8)]), r =>
            {
                Assert.Equal(["heat", "rest-and-staying-active", "swedish-massage", "self-acupressure"], r.Ranked.Take(4).Select(x => x.ModalityId));
                Assert.Contains(Ranked(r, "swedish-massage").Reasons, x => x.Contains("compared with your days without it, pain fell 1.8 points more (n=6)", StringComparison.Ordinal));
            }),
        new("personal results never lift a modality above a better evidence grade",
            Input(results: [Own("hot-stone-massage", 9, -9)]), r => Assert.Equal("hot-stone-massage", r.Ranked[^1].ModalityId)),
        new("personal results never claim cause",
            Input(results: [Own("swedish-massage", 6, -1.8)]), r =>
                Assert.Contains(Ranked(r, "swedish-massage").Reasons, x => x.Contains("not proof that it caused", StringComparison.Ordinal))),
        new("a worse personal result is said plainly and ranks lower within its grade",
            Input(results: [Own("self-acupressure", 5, 0.6)]), r =>
            {
                Assert.Contains(Ranked(r, "self-acupressure").Reasons, x => x.Contains("pain fell 0.6 points less (n=5)", StringComparison.Ordinal));
                Assert.True(Ranked(r, "self-acupressure").Rank > Ranked(r, "swedish-massage").Rank);
            }),
        new("below n = 5 nothing personal is cited or used: only the count and when a comparison comes",
            Input(results: [Own("swedish-massage", 4, -3)]), r =>
            {
                Assert.Contains(Ranked(r, "swedish-massage").Reasons, x => x.StartsWith("You have logged it 4 times", StringComparison.Ordinal));
                Assert.DoesNotContain(Ranked(r, "swedish-massage").Reasons, x => x.Contains("compared with your days", StringComparison.Ordinal));
                Assert.Equal((int)EvidenceGrade.Low, Ranked(r, "swedish-massage").Score);
            }),
        new("every recommendation gives its evidence grade and source in its reasons",
            Input(), r => Assert.All(r.Ranked, x => Assert.Contains(x.Reasons, s => s.StartsWith("Evidence that it helps:", StringComparison.Ordinal) && s.Contains("Source ", StringComparison.Ordinal)))),
    ];

    public static TheoryData<Row> Table => new(Rows);

    [Theory]
    [MemberData(nameof(Table))]
    public void Recommend_Rule_HoldsAsItsRowSays(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Check(RecommendationEngine.Recommend(row.Input));
    }

    [Fact]
    public void Recommend_SameInputInAnotherOrder_GivesTheSameOutput()
    {
        var input = Input(conditions: HealthCondition.ReducedSensation | HealthCondition.Pregnancy, prefs: Prefs(pressure: 3, budget: CostTier.Moderate), results: [Own("heat", 7, -1.1)]);
        var shuffled = input with { Modalities = [.. input.Modalities.Reverse()] };
        var a = RecommendationEngine.Recommend(input);
        var b = RecommendationEngine.Recommend(shuffled);
        Assert.Equal(a.Ranked.Select(x => (x.ModalityId, x.Rank, x.Score, string.Join("|", x.Reasons))), b.Ranked.Select(x => (x.ModalityId, x.Rank, x.Score, string.Join("|", x.Reasons))));
        Assert.Equal(a.NotForYou, b.NotForYou);
    }

    [Fact]
    public void Recommend_Ranks_AreOneToNInOrder()
    {
        var r = RecommendationEngine.Recommend(Input());
        Assert.Equal(Enumerable.Range(1, r.Ranked.Count), r.Ranked.Select(x => x.Rank));
    }
}
