using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TayNinhCchc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FlaggedRatingsHoldNoDossierSlot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_DossierHash",
                table: "Ratings");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DossierSlot",
                table: "Ratings",
                column: "DossierHash",
                unique: true,
                filter: "\"ReviewState\" IN (0, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PendingDossier",
                table: "Ratings",
                column: "DossierHash",
                filter: "\"ReviewState\" = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ratings_DossierSlot",
                table: "Ratings");

            migrationBuilder.DropIndex(
                name: "IX_Ratings_PendingDossier",
                table: "Ratings");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_DossierHash",
                table: "Ratings",
                column: "DossierHash",
                unique: true);
        }
    }
}
