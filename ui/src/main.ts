document.getElementById("app")!.textContent = "MLA Desk";
