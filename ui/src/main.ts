import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

async function start() {
  // Development only: `npm run dev:mock` answers the IPC calls in the browser with synthetic data.
  // The condition is a build-time constant, so a production build contains none of it.
  if (import.meta.env.VITE_MOCK_IPC === "1") {
    const { installMockBackend } = await import("./lib/dev/mock-backend");
    installMockBackend();
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target });
}

void start();
