import { createRoot } from 'react-dom/client'
import { App } from './app'
import './styles.css'

const root = document.getElementById('root')
if (root === null) throw new TypeError('index.html has no #root')
createRoot(root).render(<App />)
