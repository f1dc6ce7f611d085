using SciaticaRelief.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.AddRelief();
var app = builder.Build();
await app.PrepareAsync();
app.UseRelief();
await app.RunAsync();
