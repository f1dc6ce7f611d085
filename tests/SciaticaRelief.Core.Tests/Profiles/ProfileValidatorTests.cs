using SciaticaRelief.Core.Profiles;

namespace SciaticaRelief.Core.Tests.Profiles;

public sealed class ProfileValidatorTests
{
    private const int CurrentYear = 2026;

    private static readonly ProfileInput Valid = new("GB", "Europe/London", 1980, HealthCondition.None);

    public sealed record BadRow(string Field, ProfileInput Input, string Why)
    {
        public override string ToString() => $"{Field}: {Why}";
    }

    public static TheoryData<BadRow> BadRows { get; } = new()
    {
        new("birthYear", Valid with { BirthYear = 2011 }, "born 2011 is at most 15 in 2026: NICE NG59 covers 16 and over"),
        new("birthYear", Valid with { BirthYear = 2026 }, "born this year: a baby, certainly under 16"),
        new("birthYear", Valid with { BirthYear = 2027 }, "a birth year in the future is a typo"),
        new("birthYear", Valid with { BirthYear = 1905 }, "121 years ago is past the 120-year limit: a typo"),
        new("regionCode", Valid with { RegionCode = "XX" }, "an unknown region would show no emergency number"),
        new("regionCode", Valid with { RegionCode = "" }, "no region chosen: the emergency number must come from somewhere"),
        new("timeZoneId", Valid with { TimeZoneId = "Mars/Olympus" }, "an unknown zone cannot place a local day"),
        new("timeZoneId", Valid with { TimeZoneId = null }, "a zone is required: days are local days"),
        new("conditions", Valid with { Conditions = (HealthCondition)(1 << 20) }, "a condition bit with no name: refused where it enters"),
        new("pressureTolerance", Valid with { Preferences = CarePreferences.Default with { PressureTolerance = 6 } }, "pressure tolerance is 1 to 5, the scale of a modality's intensity"),
        new("minutesPerDay", Valid with { Preferences = CarePreferences.Default with { MinutesPerDay = 241 } }, "more than 240 minutes a day of home care is a typo"),
        new("budget", Valid with { Preferences = new CarePreferences(3, SettingPreference.Therapist, SciaticaRelief.Core.Knowledge.CostTier.Free, 20) }, "contradictory: a therapist's session is never free"),
        new("minutesPerDay", Valid with { Preferences = new CarePreferences(3, SettingPreference.Home, SciaticaRelief.Core.Knowledge.CostTier.Low, 0) }, "contradictory: home care only, with no time for it"),
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Validate_BadInput_RefusedOnThatField(BadRow row)
    {
        var errors = ProfileValidator.Validate(row.Input, CurrentYear);

        Assert.Equal([row.Field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_Under16_ExplainsWhy()
    {
        // The refusal tells a young person where to go instead of a bare "invalid".
        var errors = ProfileValidator.Validate(Valid with { BirthYear = 2011 }, CurrentYear);

        Assert.Equal([ProfileValidator.UnderAgeMessage], errors.For("birthYear"));
    }

    public sealed record GoodRow(ProfileInput Input, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<GoodRow> GoodRows { get; } = new()
    {
        new(Valid, "an ordinary adult profile"),
        new(Valid with { BirthYear = 2010 }, "born 2010 may be 16 already: the birth year alone cannot tell, so allowed"),
        new(Valid with { BirthYear = 1906 }, "exactly 120 years ago is the oldest allowed"),
        new(Valid with { BirthYear = null }, "the birth year is optional (only the age rule needs it)"),
        new(Valid with { RegionCode = "gb" }, "region codes are matched case-insensitively"),
        new(Valid with { RegionCode = "OTHER" }, "another country is a valid choice with generic emergency advice"),
        new(Valid with { TimeZoneId = "Pacific/Auckland" }, "any IANA zone"),
        new(Valid with { Conditions = HealthCondition.PastCancer | HealthCondition.Osteoporosis | HealthCondition.Immunosuppression }, "several known conditions together"),
    };

    [Theory]
    [MemberData(nameof(GoodRows))]
    public void Validate_GoodInput_NoErrors(GoodRow row)
    {
        var errors = ProfileValidator.Validate(row.Input, CurrentYear);

        Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
    }

    [Theory]
    [InlineData("gb", "GB", "lower case from a form or an old client")]
    [InlineData("Nz", "NZ", "mixed case")]
    [InlineData("US", "US", "the stored form")]
    [InlineData("other", "OTHER", "the catch-all region")]
    public void TryGet_AnyCase_FindsRegion(string code, string expected, string why)
    {
        Assert.True(Regions.TryGet(code, out var region), why);
        Assert.Equal(expected, region.Code);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGet_Unknown_FalseWithOtherAsFallback(string? code)
    {
        // Even an unknown region yields a Region, so an Emergency screen always has a number to show.
        Assert.False(Regions.TryGet(code, out var region));
        Assert.Equal("OTHER", region.Code);
        Assert.Equal("OTHER", Regions.GetOrOther(code).Code);
    }

    public static TheoryData<string> RegionCodes { get; } = new(Regions.All.Select(r => r.Code));

    [Theory]
    [MemberData(nameof(RegionCodes))]
    public void All_EachRegion_HasEmergencyNumberAndName(string code)
    {
        // CLINICAL.md 1: an emergency answer shows the local emergency number from the region setting.
        var region = Regions.GetOrOther(code);

        Assert.False(string.IsNullOrWhiteSpace(region.EmergencyNumber));
        Assert.False(string.IsNullOrWhiteSpace(region.Name));
        Assert.Equal(code.ToUpperInvariant(), region.Code);
    }

    [Fact]
    public void All_Codes_AreUniqueIgnoringCase()
    {
        var duplicates = Regions.All.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData(1980, 2026, 46)]
    [InlineData(2010, 2026, 16)]
    public void AgeIn_BirthYear_YearsSince(int born, int year, int expected)
    {
        Assert.Equal(expected, new Profile { BirthYear = born }.AgeIn(year));
    }

    [Fact]
    public void AgeIn_NoBirthYear_Null()
    {
        // Unknown age must stay unknown, so the age rule does not fire on a made-up number.
        Assert.Null(new Profile().AgeIn(2026));
    }
}
