using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SciaticaRelief.Data;
using SciaticaRelief.Data.Accounts;
using SciaticaRelief.Web.Api;
using SciaticaRelief.Web.Dashboard;
using SciaticaRelief.Web.Exports;
using SciaticaRelief.Web.Imports;
using SciaticaRelief.Web.Journal;
using SciaticaRelief.Web.Knowledge;
using SciaticaRelief.Web.PointCharts;
using SciaticaRelief.Web.Plans;
using SciaticaRelief.Web.Profiles;
using SciaticaRelief.Web.Questionnaires;
using SciaticaRelief.Web.Security;
using SciaticaRelief.Web.Treatments;
using SciaticaRelief.Web.Triage;

namespace SciaticaRelief.Web.Startup;

public static class ReliefServices
{
    public const string SmartScheme = "CookieOrToken";
    public const string SignInLimit = "sign-in";
    public const string ApiLimit = "api";

    public static WebApplicationBuilder AddRelief(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReliefOptions>().Bind(configuration.GetSection(ReliefOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var relief = configuration.GetSection(ReliefOptions.Section).Get<ReliefOptions>() ?? new ReliefOptions();
        builder.ServeStaticAssetsFromBuildOutput();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = relief.MaxRequestBodyBytes;
            k.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.ValueLengthLimit = (int)Math.Min(relief.MaxRequestBodyBytes, int.MaxValue));

        services.AddLogging(l => l.KeepRequestPathsOutOfTheLog());
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentPerson>();
        services.AddScoped<IOwnerScope>(sp => sp.GetRequiredService<CurrentPerson>());
        services.AddReliefData(configuration)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ReliefClaimsFactory>();

        services.AddDataProtection().SetApplicationName("SciaticaRelief").PersistKeysToDbContext<ReliefDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or access token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AccessTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "relief.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CookieManager = new HostPrefixCookieManager();
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context =>
            {
                // A Therapist refused for want of a second factor is sent to enrol, not told "not allowed".
                if (SecondFactor.Missing(context.HttpContext.User) && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Redirect(SecondFactor.EnrolPath);
                    return Task.CompletedTask;
                }
                return ApiOr(context, StatusCodes.Status403Forbidden);
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SecondFactor.KeepOnRefresh);
        services.AddAuthorizationBuilder()
            // [Authorize] without a policy (settings, tokens): any account, but a Therapist only after two-factor sign-in.
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => SecondFactor.SatisfiedBy(c.User)).Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Person, p => p.RequireAuthenticatedUser().RequireClaim(ReliefClaims.Kind, nameof(AccountKind.Person)))
            .AddPolicy(Policies.Therapist, p => p.RequireAuthenticatedUser().RequireClaim(ReliefClaims.Kind, nameof(AccountKind.Therapist))
                .RequireAssertion(c => SecondFactor.Proven(c.User)))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().RequireClaim(ReliefClaims.Administrator, "true"));

        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgeryFilter.HeaderName;
            o.Cookie.Name = "relief.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            o.AddPolicy(ApiLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var who = context.User.Identity?.IsAuthenticated == true
                    ? "u:" + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                    : "a:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(who,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ApiPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Title = "Too many requests", Detail = "Wait a minute and try again.", Status = StatusCodes.Status429TooManyRequests },
                });
            };
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.MaxDepth = 16;
        });
        services.AddOpenApi(o => o.AddSchemaTransformer<OpenApiDocs>());
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
        });
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();

        services.AddReliefFeatures(configuration);
        services.AddScoped<ApiAntiforgeryFilter>();
        services.AddSingleton<SetupLink>();
        return builder;
    }

    /// <summary>
    /// The features' own services (journal, triage, dashboard, treatments, questionnaires, insights),
    /// apart from the web host's plumbing, so the benchmarks host exactly the app's write and read paths.
    /// </summary>
    public static IServiceCollection AddReliefFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Directory.Exists(o.Folder), "Content:Folder does not exist: the app cannot find its content files.").ValidateOnStart();
        services.AddScoped<Idempotency>();
        services.AddScoped<DataStamp>();
        services.AddScoped<PersonContext>();
        services.AddScoped<TriageService>();
        services.AddScoped<JournalService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<Insights.InsightsService>();
        services.AddKnowledge();
        services.AddTreatments();
        services.AddPointCharts();
        services.AddOptions<QuestionnaireOptions>().Bind(configuration.GetSection(QuestionnaireOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuestionnaireOptions>, QuestionnaireOptionsValidator>();
        services.AddSingleton<QuestionnaireLibrary>();
        services.AddScoped<QuestionnaireService>();
        services.AddScoped<SuggestsCareGate>();
        services.AddScoped<Recommendations.RecommendationService>();
        services.AddScoped<Sharing.AuditLog>();
        services.AddScoped<Sharing.ClientAccess>();
        services.AddScoped<Sharing.SharingService>();
        services.AddScoped<Sharing.BriefService>();
        services.AddScoped<Clinical.TherapistKeys>();
        services.AddScoped<Clinical.IntakeService>();
        services.AddScoped<Clinical.SessionNoteService>();
        services.AddPlans();
        services.AddScoped<Imports.ImportWriter>();
        services.AddScoped<Reports.ReportService>();
        services.AddExports();
        services.AddScoped<Data.Accounts.AccountDeletion>();
        services.AddImports();
        return services;
    }

    /// <summary>API callers get a status code and a problem; browsers get the redirect.</summary>
    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Person = "Person";
    public const string Therapist = "Therapist";
    public const string Administrator = "Administrator";

    /// <summary>
    /// Any signed-in account, even a Therapist before two-factor sign-in: only the two-factor
    /// enrolment page uses it.
    /// </summary>
    public const string SignedIn = "SignedIn";
}
