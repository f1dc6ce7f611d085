using SciaticaRelief.Core.Journal;
using SciaticaRelief.Core.Plans;
using SciaticaRelief.Core.PointCharts;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Tests.PointCharts;
using SciaticaRelief.Core.Tests.Treatments;
using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Safety;

/// <summary>How the surfaces hand CareSafety's verdicts on, beyond the matrix: what the callers (Web) rely on.</summary>
public sealed class SurfaceWiringTests
{
    private static readonly DateTime At = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Treatment Acupressure(params string[] points) => new()
    {
        ModalityId = "self-acupressure", Kind = TreatmentKind.Acupressure, StartedAtUtc = At,
        Points = [.. points.Select(p => new PointPressed(p, PointFeeling.DullAche, 60))],
    };

    [Fact]
    public void TreatmentWarnings_Pregnancy_WarnAboutBL60ByThePointsVerdict()
    {
        var profile = new Profile { Conditions = HealthCondition.Pregnancy };

        var warnings = TreatmentWarnings.For(Acupressure("gb30", "bl60"), profile, [], TreatmentContent.Labels, TimeZoneInfo.Utc, TreatmentContent.Catalog, PointContent.Catalog);

        Assert.DoesNotContain(warnings, w => w.RuleId == "ACUPRESSURE-PREGNANCY-POINT"); // the side-effect rule it replaced is gone
        var bl60 = Assert.Single(warnings, w => w.RuleId == "CONTRA:bl60:pregnancy");
        Assert.Equal(WarningLevel.Warning, bl60.Level);
        Assert.StartsWith("BL60 Kunlun is not advised for you: Not in pregnancy", bl60.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, w => w.RuleId.StartsWith("CONTRA:gb30:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.RuleId == "CONTRA:self-acupressure:pregnancy" && w.Level == WarningLevel.Caution);
    }

    [Fact]
    public void TreatmentWarnings_ForSaved_UseTheStoredContraindicationsNotTheProfileNow()
    {
        // Recorded in pregnancy, read after the Profile changed: the warnings that applied then stay; none are made up now.
        var t = Acupressure("bl60");
        t.SafetyWarnings = [.. TreatmentWarnings.Contraindications(t, HealthCondition.Pregnancy, TreatmentContent.Catalog, PointContent.Catalog)];
        var then = new Profile { Conditions = HealthCondition.Pregnancy };
        var now = new Profile { Conditions = HealthCondition.SuspectedClot };

        Assert.Equal(
            TreatmentWarnings.For(t, then, [], TreatmentContent.Labels, TimeZoneInfo.Utc, TreatmentContent.Catalog, PointContent.Catalog),
            TreatmentWarnings.ForSaved(t, then, [], TreatmentContent.Labels, TimeZoneInfo.Utc));
        var saved = TreatmentWarnings.ForSaved(t, now, [], TreatmentContent.Labels, TimeZoneInfo.Utc);
        Assert.Contains(saved, w => w.RuleId == "CONTRA:bl60:pregnancy");
        Assert.DoesNotContain(saved, w => w.RuleId.EndsWith(":suspected-clot", StringComparison.Ordinal));
    }

    [Fact]
    public void TreatmentWarnings_WithCatalogues_SideEffectsComeFirstWithinALevel()
    {
        // The page and API show the bruising warning first: it is about what happened, the contraindication about what was done.
        var t = new Treatment
        {
            ModalityId = "deep-tissue-massage", Kind = TreatmentKind.Massage, StartedAtUtc = At, Bruising = BruiseSize.Small,
            BodyAreas = BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Left)]),
            BruiseAreas = BodyMap.ToBits([new BodyArea(BodyRegion.LowBack, Side.Left)]),
        };
        var warnings = TreatmentWarnings.For(t, new Profile { Conditions = HealthCondition.AnticoagulantsOrBleedingDisorder }, [], TreatmentContent.Labels, TimeZoneInfo.Utc,
            TreatmentContent.Catalog, PointContent.Catalog);

        Assert.Equal(["BRUISE-ANTICOAGULANT", "CONTRA:deep-tissue-massage:anticoagulants-or-bleeding-disorder"], warnings.Select(w => w.RuleId));
    }

    public sealed record CheckRow(PlanItemKind Kind, string? ModalityId, string[] Points, HealthCondition Conditions, string[] ErrorFields, string? Precaution, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<CheckRow> Checks => new(
    [
        new(PlanItemKind.HomeRoutine, "self-acupressure", ["bl23", "bl57"], HealthCondition.SuspectedClot, ["points"], "Not on the leg",
            "a calf point assigned with a suspected clot is refused on \"points\"; the routine itself carries 'not on the leg'"),
        new(PlanItemKind.HomeRoutine, "percussion-massage-gun", [], HealthCondition.Osteoporosis, ["modalityId"], null,
            "a refused modality is an error on \"modalityId\""),
        new(PlanItemKind.EarSeedPresses, null, ["shen-men"], HealthCondition.Pregnancy, [], "midwife or doctor",
            "ear-seed presses are checked as the ear-seeds modality: pregnancy asks first"),
        new(PlanItemKind.EarSeedChange, null, [], HealthCondition.SkinLesionOrInfection, [], "Not on red, sore, broken or infected skin",
            "changing ear seeds: the same modality's precautions"),
        new(PlanItemKind.MassageAppointment, null, [], HealthCondition.AnticoagulantsOrBleedingDisorder, [], null,
            "an appointment is not home care: the therapist checks at the session (the session note warns)"),
        new(PlanItemKind.DailyCheckIn, null, [], HealthCondition.SuspectedClot, [], null, "a check-in is how the Person reports a change: never held back"),
        new(PlanItemKind.HomeRoutine, "no-such-routine", ["no-such-point"], HealthCondition.SuspectedClot, [], null,
            "unknown ids are left to the validation that reports them"),
    ]);

    [Theory]
    [MemberData(nameof(Checks))]
    public void CheckSafety_Item_RefusesOrCautionsAsItsRowSays(CheckRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var check = PlanItemValidator.CheckSafety(row.Kind, row.ModalityId, row.Points, row.Conditions, TreatmentContent.Catalog, PointContent.Catalog);

        Assert.Equal(row.ErrorFields, new[] { "modalityId", "points" }.Where(f => check.Errors.For(f).Any()));
        if (row.Precaution is null && row.ErrorFields.Length == 0)
        {
            Assert.Empty(check.Precautions);
        }
        else if (row.Precaution is not null)
        {
            Assert.Contains(check.Precautions, p => p.Text.Contains(row.Precaution, StringComparison.Ordinal) && p.Source.Length > 0);
        }
    }

    [Fact]
    public void HomeRoutines_AreTheHomeModalitiesDoneOnASchedule()
    {
        Assert.Equal(
            ["cold", "foot-massager", "heat", "heated-massage-cushion", "massage-ball-and-foam-roller", "massage-chair", "percussion-massage-gun",
             "rest-and-staying-active", "self-acupressure", "shiatsu-kneading-massager", "vibration-massager"],
            PlanItemValidator.HomeRoutines(TreatmentContent.Catalog).Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EarSeedChart_SaysTheModalitysPrecautionsOnce_AndKeepsEveryEarPoint()
    {
        var chart = EarSeedCycle.Chart(PointContent.Catalog, TreatmentContent.Catalog, HealthCondition.Pregnancy | HealthCondition.SuspectedClot);

        Assert.Equal(Points.Ear.Select(p => p.Id), chart.Shown.Select(p => p.Point.Id));
        Assert.Empty(chart.Hidden);
        Assert.Contains(chart.Precautions, p => p.Text.Contains("midwife or doctor", StringComparison.Ordinal));
        Assert.All(chart.Shown, p => Assert.Empty(p.Precautions)); // pregnancy is the modality's, said once
    }

    [Fact]
    public void PointCharts_Pregnancy_HidesThePointsOfTheListWithTheirSource()
    {
        var chart = PointContent.Catalog.ForConditions(HealthCondition.Pregnancy);

        var hidden = Assert.Single(chart.Hidden);
        Assert.Equal(("bl60", PointCatalog.PregnancyReason), (hidden.Point.Id, hidden.Reason));
        Assert.Equal(PointContent.Catalog.Pregnancy.Source, hidden.Source);
        Assert.Equal(PointContent.Catalog.All.Count - 1, chart.Shown.Count);
    }
}
