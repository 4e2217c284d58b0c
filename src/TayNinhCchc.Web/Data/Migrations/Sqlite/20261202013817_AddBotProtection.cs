using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TayNinhCchc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBotProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UsedChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 22, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedChallenges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsedChallenges_ExpiresAt",
                table: "UsedChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedChallenges");
        }
    }
}
