using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Core.Sharing;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Clinical;

/// <summary>
/// Grants written straight into the database (the invite flow is built elsewhere), and the bodies
/// of a valid intake and session note.
/// </summary>
public static class ClinicalTestData
{
    public static async Task<Guid> GrantAsync(TestApp app, Guid clientId, Guid therapistId, GrantScope scopes = GrantScope.All)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReliefDbContext>();
            var grant = new Grant
            {
                PersonId = clientId, Id = Guid.CreateVersion7(), TherapistId = therapistId, Scopes = scopes,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Grants.Add(grant);
            await db.SaveChangesAsync();
            return grant.Id;
        });
    }

    public static async Task RevokeAsync(TestApp app, Guid clientId, Guid therapistId)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InScopeAsync(sp => sp.GetRequiredService<ReliefDbContext>().Grants.IgnoreQueryFilters()
            .Where(g => g.PersonId == clientId && g.TherapistId == therapistId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAtUtc, now)));
    }

    public static object Intake(string history = "Low back pain for 3 months after lifting.", string[]? conditions = null, bool? consent = true) => new
    {
        history,
        conditions = conditions ?? ["osteoporosis", "long-term-steroids"],
        contraindications = "No deep pressure over the lumbar spine.",
        medications = "Prednisolone 5 mg daily",
        consentToTreatment = consent,
    };

    public static Dictionary<string, object?> Note(string subjective = "Pain down the left leg after sitting.", string sessionDate = "2026-11-24", int painBefore = 6, int painAfter = 3) => new()
    {
        ["sessionDate"] = sessionDate,
        ["subjective"] = subjective,
        ["objective"] = "Tender left piriformis; straight-leg raise 60 degrees.",
        ["assessment"] = "Piriformis involvement likely.",
        ["plan"] = "Weekly for 4 weeks; home stretches.",
        ["pressure"] = 3,
        ["areas"] = new[] { "buttock", "thigh" },
        ["techniques"] = new[] { "swedish-massage", "myofascial-release" },
        ["clientResponse"] = "better",
        ["painBefore"] = painBefore,
        ["painAfter"] = painAfter,
    };
}
