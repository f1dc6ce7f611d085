using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Core.Triage;

namespace SciaticaRelief.Core.Tests.Triage;

public sealed class TriageAdviceTests
{
    [Theory]
    [InlineData("GB", "999", "CLINICAL.md 1: UK emergency number")]
    [InlineData("US", "911", "US emergency number")]
    [InlineData("NZ", "111", "CLINICAL.md 1: New Zealand's is 111, not the UK's non-emergency 111")]
    [InlineData("AU", "000", "Australia's is 000")]
    [InlineData("DE", "112", "the EU number")]
    public void For_Emergency_ShowsRegionsNumberAndCaveat(string code, string number, string why)
    {
        var advice = TriageAdvice.For(TriageLevel.Emergency, Regions.GetOrOther(code), seeDoctorToday: false);

        Assert.True(advice.Headline.Contains(number, StringComparison.Ordinal), why);
        Assert.Contains(advice.Steps, s => s.Contains(number, StringComparison.Ordinal));
        Assert.Equal(TriageAdvice.NotADiagnosis, advice.Caveat);
    }

    [Theory]
    [InlineData("GB", "A&E", "CLINICAL.md 1: the place as people in the UK say it")]
    [InlineData("US", "emergency room (ER)", "in the US \"urgent care\" is a walk-in clinic: say the ER")]
    [InlineData("NZ", "emergency department", "the general words elsewhere")]
    [InlineData("ES", "urgencias", "EU countries: the local word beside the English")]
    public void For_Emergency_NamesThePlaceAsPeopleThereSayIt(string code, string place, string why)
    {
        var advice = TriageAdvice.For(TriageLevel.Emergency, Regions.GetOrOther(code), seeDoctorToday: false);

        Assert.True(advice.Headline.Contains(place, StringComparison.Ordinal), why);
        Assert.DoesNotContain("urgent care", advice.Headline + string.Concat(advice.Steps), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void For_EmergencyInAnUnknownCountry_Gives112AndSaysTheNumberMayDiffer()
    {
        // CLINICAL.md 1: unknown country → 112, and say the number may differ.
        var advice = TriageAdvice.For(TriageLevel.Emergency, Regions.GetOrOther("XX"), seeDoctorToday: false);

        Assert.StartsWith("Get emergency care now: call 112", advice.Headline, StringComparison.Ordinal);
        Assert.Contains("may differ", advice.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EmergencyInGb_DoesNotOfferNhs111()
    {
        // An emergency must point to 999, never to the non-emergency 111 service.
        var advice = TriageAdvice.For(TriageLevel.Emergency, Regions.GetOrOther("GB"), seeDoctorToday: false);

        Assert.DoesNotContain(advice.Steps.Append(advice.Headline), s => s.Contains("111", StringComparison.Ordinal));
    }

    public static TheoryData<TriageLevel, string> EveryLevelAndRegion { get; } = Cross();

    private static TheoryData<TriageLevel, string> Cross()
    {
        var data = new TheoryData<TriageLevel, string>();
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            foreach (var region in Regions.All)
            {
                data.Add(level, region.Code);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryLevelAndRegion))]
    public void For_EveryLevelAndRegion_HeadlineStepsAndNotADiagnosisCaveat(TriageLevel level, string code)
    {
        // CLINICAL.md 1: "Red flags mean higher risk, not a diagnosis: say so" — on every result.
        var advice = TriageAdvice.For(level, Regions.GetOrOther(code), seeDoctorToday: false);

        Assert.False(string.IsNullOrWhiteSpace(advice.Headline));
        Assert.NotEmpty(advice.Steps);
        Assert.All(advice.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.Contains("not a diagnosis", advice.Caveat, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void For_UrgentSeeDoctorToday_SaysToday()
    {
        // Worsening weakness: the headline must say today, not "within 48 hours".
        var advice = TriageAdvice.For(TriageLevel.Urgent, Regions.GetOrOther("GB"), seeDoctorToday: true);

        Assert.Contains("today", advice.Headline, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("today", advice.Steps[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48", advice.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void For_UrgentNotToday_Says24To48Hours()
    {
        var advice = TriageAdvice.For(TriageLevel.Urgent, Regions.GetOrOther("US"), seeDoctorToday: false);

        Assert.Contains("24 to 48 hours", advice.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain("today", advice.Headline, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GB", "NHS 111", "UK has a same-day advice service to offer")]
    [InlineData("NZ", "Healthline", "New Zealand's same-day advice line")]
    public void For_UrgentInRegionWithAdviceService_OffersIt(string code, string service, string why)
    {
        var advice = TriageAdvice.For(TriageLevel.Urgent, Regions.GetOrOther(code), seeDoctorToday: false);

        Assert.True(advice.Steps[0].Contains(service, StringComparison.Ordinal), why);
    }

    [Fact]
    public void For_UrgentInRegionWithoutAdviceService_NoDanglingOr()
    {
        // Regions without a service must not read "..., or contact ." .
        var advice = TriageAdvice.For(TriageLevel.Urgent, Regions.GetOrOther("US"), seeDoctorToday: false);

        Assert.DoesNotContain("or contact", advice.Steps[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TriageLevel.Urgent, "Urgent pauses massage until a clinician has seen them")]
    [InlineData(TriageLevel.Emergency, "Emergency blocks all self-care and massage suggestions")]
    public void For_AlarmLevels_TellToHoldOffMassage(TriageLevel level, string why)
    {
        var advice = TriageAdvice.For(level, Regions.GetOrOther("GB"), seeDoctorToday: false);

        Assert.True(advice.Steps.Any(s => s.Contains("massage", StringComparison.OrdinalIgnoreCase)), why);
    }

    [Fact]
    public void For_NullRegion_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TriageAdvice.For(TriageLevel.Emergency, null!, seeDoctorToday: false));
    }
}
