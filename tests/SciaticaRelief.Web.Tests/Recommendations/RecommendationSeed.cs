using System.Globalization;
using System.Net;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Recommendations;

/// <summary>
/// Fourteen days of check-ins (pain 6 on odd days, 5 on even days) with Swedish massage on days 1,
/// 3, 5, 7 and 9: five treatment days whose next day was a point better, set against untreated days
/// that started within a point, so the "compared with days without it" figure is shown (n = 5).
/// </summary>
public static class RecommendationSeed
{
    public static async Task FiveSwedishSessionsAsync(HttpClient api)
    {
        for (var day = 1; day <= 14; day++)
        {
            var date = TestApp.Start.Date.AddDays(day - 15);
            var checkIn = await api.PostJsonAsync("/api/v1/journal",
                Json.CheckIn(painNow: day % 2 == 1 ? 6 : 5, occurredAt: date.AddHours(9).ToString("O", CultureInfo.InvariantCulture) + "Z"));
            Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
            if (day % 2 == 1 && day <= 9)
            {
                var treatment = await api.PostJsonAsync("/api/v1/treatments", new
                {
                    modalityId = "swedish-massage",
                    startedAt = new DateTimeOffset(date.AddHours(10), TimeSpan.Zero),
                    durationMinutes = 60,
                    pressure = 2,
                    areas = new[] { new { region = "low-back", side = "both" } },
                    painBefore = 6,
                    painAfter = 5,
                });
                Assert.True(treatment.StatusCode == HttpStatusCode.Created, await treatment.Content.ReadAsStringAsync());
            }
        }
    }
}
