using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SciaticaRelief.Core.Profiles;
using SciaticaRelief.Data.Accounts;

namespace SciaticaRelief.Web.Tests.Infrastructure;

/// <summary>
/// The app with a database of its own (a fresh WebApplicationFactory per test, as in davidfowl/TodoApp),
/// a fake clock, fast password hashing and rate limits high enough not to get in the way.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public ConcurrentQueue<string> Logs { get; } = new();
    public string Environment { get; init; } = "Testing";

    /// <summary>False when the test reopens the same database in a second app.</summary>
    public bool OwnsDatabase { get; init; } = true;

    public TestApp(TestDatabase database, Dictionary<string, string?>? settings = null)
    {
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Accounts:PasswordHashIterations"] = "1000",
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:ApiPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
        };
        foreach (var (k, v) in settings ?? [])
        {
            _settings[k] = v;
        }
    }

    public static TestApp Create(Dictionary<string, string?>? settings = null) => new(TestDatabase.InMemorySqlite(), settings);

    public static async Task<TestApp> CreateAsync(string provider) => new(await TestDatabase.CreateAsync(provider));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (k, v) in _settings.Where(kv => kv.Value is not null))
        {
            builder.UseSetting(k, v);
        }
        builder.ConfigureLogging(l => l.ClearProviders().AddProvider(new CapturingLoggerProvider(Logs)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public const string Password = "correct horse battery staple";

    /// <summary>When <see cref="CreatePersonAsync"/> records the onboarding screen: a day before <see cref="Start"/>.</summary>
    public static readonly DateTime OnboardedAtUtc = Start.UtcDateTime.AddDays(-1);

    /// <summary>
    /// Creates a Person with a Profile and marks onboarding done, as the onboarding page does: with a
    /// screened symptom check (every warning-sign question answered no) dated <see cref="OnboardedAtUtc"/>.
    /// With <paramref name="screened"/> false the Person has never answered the screen.
    /// </summary>
    public async Task<ReliefUser> CreatePersonAsync(string? email = null, string zone = "Europe/London", string region = "GB",
        int birthYear = 1980, HealthCondition conditions = HealthCondition.None, bool administrator = false, bool screened = true)
    {
        email ??= $"p{Guid.NewGuid():N}@example.org";
        return await InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var result = await accounts.CreatePersonAsync(email, Password, administrator, new ProfileInput(region, zone, birthYear, conditions));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            var db = sp.GetRequiredService<SciaticaRelief.Data.ReliefDbContext>();
            await db.Profiles.IgnoreQueryFilters().Where(p => p.PersonId == result.Value!.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Onboarded, true));
            if (screened)
            {
                var input = new SciaticaRelief.Core.Triage.TriageInput(
                    SciaticaRelief.Core.Triage.RedFlagQuestions.All.Where(q => q.DependsOn is null)
                        .ToDictionary(q => q.Question, _ => SciaticaRelief.Core.Triage.Answer.No),
                    conditions, Clock.GetUtcNow().Year - birthYear);
                db.TriageAssessments.Add(SciaticaRelief.Core.Triage.TriageAssessment.From(result.Value!.Id, Guid.CreateVersion7(), OnboardedAtUtc,
                    input, SciaticaRelief.Core.Triage.TriageEngine.Evaluate(input), SciaticaRelief.Core.Triage.AssessmentSource.Onboarding));
                await db.SaveChangesAsync();
            }
            return result.Value!;
        });
    }

    /// <summary>The authenticator key of every Therapist <see cref="CreateTherapistAsync"/> makes (Base32, 160 bits).</summary>
    public const string TherapistAuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /// <summary>
    /// Creates a Therapist account with two-factor sign-in on, its authenticator key
    /// <see cref="TherapistAuthenticatorKey"/> (so <see cref="SignedInBrowserAsync"/> can compute codes).
    /// With <paramref name="enrolled"/> false, the account has not enrolled yet.
    /// </summary>
    public async Task<ReliefUser> CreateTherapistAsync(string? email = null, string name = "Sam Therapist", bool enrolled = true)
    {
        email ??= $"t{Guid.NewGuid():N}@example.org";
        return await InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ReliefUser>>();
            var user = new ReliefUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, Kind = AccountKind.Therapist, DisplayName = name,
                CreatedAtUtc = Clock.GetUtcNow().UtcDateTime, EmailConfirmed = true, LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            if (enrolled)
            {
                var keys = (Microsoft.AspNetCore.Identity.IUserAuthenticatorKeyStore<ReliefUser>)sp.GetRequiredService<Microsoft.AspNetCore.Identity.IUserStore<ReliefUser>>();
                await keys.SetAuthenticatorKeyAsync(user, TherapistAuthenticatorKey, CancellationToken.None);
                user.TwoFactorEnabled = true;
                var updated = await users.UpdateAsync(user);
                Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Description)));
            }
            return user;
        });
    }

    /// <summary>
    /// The code an authenticator app with <paramref name="key"/> shows now on the fake clock. When the
    /// account has already used a code of this time step (a second sign-in in the same 30 s), the clock
    /// moves on a step first, as a real person would wait for the next code.
    /// </summary>
    public async Task<string> NextAuthenticatorCodeAsync(ReliefUser user, string key = TherapistAuthenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(user);
        var last = await InScopeAsync(sp => sp.GetRequiredService<SciaticaRelief.Data.ReliefDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.LastTotpStep).SingleAsync());
        if (last is { } step && step >= Clock.GetUtcNow().ToUnixTimeSeconds() / TotpCodes.StepSeconds)
        {
            Clock.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds * (step - (Clock.GetUtcNow().ToUnixTimeSeconds() / TotpCodes.StepSeconds) + 1)));
        }
        return TotpCodes.Compute(key, Clock.GetUtcNow());
    }

    /// <summary>An API client that signs in with a fresh personal access token.</summary>
    public async Task<HttpClient> ApiClientAsync(ReliefUser user)
    {
        var secret = await InScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().CreateTokenAsync(user.Id, "test")).Secret);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// A browser-like client (cookies, no automatic redirects) signed in through the sign-in form; for
    /// an account with two-factor sign-in (every Therapist), also through the second step with a code
    /// computed from <see cref="TherapistAuthenticatorKey"/> at the fake clock's time.
    /// </summary>
    public async Task<BrowserClient> SignedInBrowserAsync(ReliefUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var browser = Browser();
        var response = await browser.SubmitFormAsync("/account/signin", "signin", new() { ["email"] = user.Email!, ["password"] = Password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = PathOf(response);
        if (location.StartsWith("/account/signin/two-factor", StringComparison.Ordinal))
        {
            var code = await NextAuthenticatorCodeAsync(user);
            response = await browser.SubmitFormAsync(location, "two-factor", new() { ["code"] = code });
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
                $"The two-factor step gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return browser;
    }

    /// <summary>The path and query a redirect points to (pages redirect with absolute URLs).</summary>
    public static string PathOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public BrowserClient Browser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}

internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (k, v) in values)
                {
                    sink.Enqueue($"  {k}={v}");
                }
            }
        }
    }
}
